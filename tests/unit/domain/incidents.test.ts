import { describe, expect, it } from "vitest";
import { monthlyCounts, yearToDate } from "@/lib/domain/incidents";

describe("incidents per month against last year", () => {
  const days = ["2025-01-05", "2025-01-20", "2025-06-01", "2025-12-31", "2026-01-03", "2026-06-30", "2026-06-01", "2024-06-01"];
  it("counts each year's months; months of this year after today are empty, not zero", () => {
    const m = monthlyCounts(days, 2026, "2026-06-15");
    expect(m[0]).toEqual({ month: 1, thisYear: 1, lastYear: 2 });
    expect(m[5]).toEqual({ month: 6, thisYear: 2, lastYear: 1 });
    expect(m[6]).toEqual({ month: 7, thisYear: null, lastYear: 0 });
    expect(m[11]).toEqual({ month: 12, thisYear: null, lastYear: 1 });
  });
  it("year to date compares the same months only", () => {
    expect(yearToDate(monthlyCounts(days, 2026, "2026-06-15"))).toEqual({ thisYear: 3, lastYearSamePeriod: 3 });
  });
  it("a past year is complete", () => {
    expect(monthlyCounts(days, 2025, "2026-06-15").every((c) => c.thisYear !== null)).toBe(true);
    expect(yearToDate(monthlyCounts(days, 2025, "2026-06-15"))).toEqual({ thisYear: 4, lastYearSamePeriod: 1 });
  });
});
