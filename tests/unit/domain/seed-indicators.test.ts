import { describe, expect, it } from "vitest";
import { INDICATOR_CODES, INDICATORS } from "@/lib/domain/indicators";
import { evaluateDistrictPenalties } from "@/lib/domain/penalties";
import { demoMonths, JIANGSU_CITIES, planDemoIndicators } from "@/prisma/seed-indicators";

const DISTRICTS = ["320205", "320206", "320211", "320213", "320214", "320281", "320282", "320299"].map((code) => ({
  code,
  name: code,
}));
const TODAY = new Date(Date.UTC(2026, 10, 28));

describe("demo indicator data", () => {
  const rows = planDemoIndicators(TODAY, DISTRICTS);
  const get = (unit: string, indicator: string, year: number, month: number) =>
    rows.find((r) => r.unitCode === unit && r.indicator === indicator && r.year === year && r.month === month && r.cumulative)
      ?.valueText ?? null;

  it("covers the 24 published months before today, for every unit and indicator, monthly and year to date", () => {
    expect(demoMonths(TODAY)[0]).toEqual({ year: 2024, month: 11 });
    expect(demoMonths(TODAY).at(-1)).toEqual({ year: 2026, month: 10 });
    expect(rows).toHaveLength((1 + JIANGSU_CITIES.length + DISTRICTS.length) * INDICATOR_CODES.length * 24 * 2);
  });

  it("is deterministic for a given day", () => {
    expect(planDemoIndicators(TODAY, DISTRICTS)).toEqual(rows);
  });

  it("keeps every value in range and at the published precision", () => {
    for (const r of rows) {
      const meta = INDICATORS[r.indicator];
      const n = Number(r.valueText);
      expect(n).toBeGreaterThanOrEqual(meta.min);
      expect(n).toBeLessThanOrEqual(meta.max);
      expect(r.valueText.split(".")[1]?.length ?? 0).toBe(meta.precision);
    }
  });

  it("has a district that the penalty rules catch, so the dashboard has something to explain", () => {
    const hits = DISTRICTS.map((d) => {
      const air = Array.from({ length: 10 }, (_, i) => i + 1).map((m) => ({
        month: m,
        pm25: get(d.code, "PM25", 2026, m),
        pm25LastYear: get(d.code, "PM25", 2025, m),
        pm25CityAverage: get("320200", "PM25", 2026, m),
        goodAirRatio: get(d.code, "GOOD_AIR_RATIO", 2026, m),
        goodAirRatioLastYear: get(d.code, "GOOD_AIR_RATIO", 2025, m),
        goodAirRatioCityAverage: get("320200", "GOOD_AIR_RATIO", 2026, m),
      }));
      return evaluateDistrictPenalties({ districtCode: d.code, air, sections: [], problems: [] }, 10).hits.length;
    });
    expect(hits.some((n) => n > 0)).toBe(true);
    expect(hits.some((n) => n === 0)).toBe(true);
  });
});
