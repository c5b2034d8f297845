import { describe, expect, it } from "vitest";
import { alertLevel, daysOverInSeason, episodesOf } from "@/lib/domain/taihu";

const T = { algaeWarn: 3000, algaeAlert: 8000, bloomWarn: 50, bloomAlert: 150 };
const r = (algaeDensity: number | null, more: Partial<Parameters<typeof alertLevel>[0]> = {}) => ({
  algaeDensity,
  bloomArea: null,
  blackBloom: false,
  sourceStatus: null,
  ...more,
});

describe("alert level of a reading", () => {
  it("below, at and over each threshold (at counts as over)", () => {
    expect(alertLevel(r(2999.9), T)).toBe(0);
    expect(alertLevel(r(3000), T)).toBe(1);
    expect(alertLevel(r(7999), T)).toBe(1);
    expect(alertLevel(r(8000), T)).toBe(2);
    expect(alertLevel(r(null, { bloomArea: 50 }), T)).toBe(1);
    expect(alertLevel(r(null, { bloomArea: 150 }), T)).toBe(2);
  });
  it("a black bloom (湖泛) or an abnormal drinking-water source is an alert at once", () => {
    expect(alertLevel(r(100, { blackBloom: true }), T)).toBe(2);
    expect(alertLevel(r(100, { sourceStatus: "ABNORMAL" }), T)).toBe(2);
    expect(alertLevel(r(100, { sourceStatus: "NORMAL" }), T)).toBe(0);
  });
  it("a missing value or threshold never raises a level", () => {
    expect(alertLevel(r(null), T)).toBe(0);
    expect(alertLevel(r(99999), { algaeWarn: null, algaeAlert: null, bloomWarn: null, bloomAlert: null })).toBe(0);
  });
});

describe("alert episodes", () => {
  const days = (levels: number[]) =>
    levels.map((level, i) => ({ day: `2026-07-${String(i + 1).padStart(2, "0")}`, level: level as 0 | 1 | 2 }));
  it("enter: the first day over opens an episode", () => {
    expect(episodesOf(days([0, 1]))).toEqual([{ startedOn: "2026-07-02", endedOn: null, peakLevel: 1 }]);
  });
  it("stay: more days over keep one episode and raise its peak", () => {
    expect(episodesOf(days([0, 1, 2, 1]))).toEqual([{ startedOn: "2026-07-02", endedOn: null, peakLevel: 2 }]);
  });
  it("leave: the first day back below ends it", () => {
    expect(episodesOf(days([1, 1, 0, 0]))).toEqual([{ startedOn: "2026-07-01", endedOn: "2026-07-03", peakLevel: 1 }]);
  });
  it("re-enter: crossing again opens a new episode", () => {
    expect(episodesOf(days([1, 0, 2, 0, 1]))).toEqual([
      { startedOn: "2026-07-01", endedOn: "2026-07-02", peakLevel: 1 },
      { startedOn: "2026-07-03", endedOn: "2026-07-04", peakLevel: 2 },
      { startedOn: "2026-07-05", endedOn: null, peakLevel: 1 },
    ]);
  });
  it("readings in any order are taken by day", () => {
    expect(episodesOf([...days([0, 1, 0])].reverse())).toEqual([
      { startedOn: "2026-07-02", endedOn: "2026-07-03", peakLevel: 1 },
    ]);
  });
  it("days over count within April–October of the year only", () => {
    const list = [
      { day: "2026-03-31", level: 2 as const },
      { day: "2026-04-01", level: 1 as const },
      { day: "2026-10-31", level: 2 as const },
      { day: "2026-11-01", level: 2 as const },
      { day: "2025-07-01", level: 1 as const },
      { day: "2026-07-01", level: 0 as const },
    ];
    expect(daysOverInSeason(list, 2026)).toBe(2);
    expect(daysOverInSeason(list, 2025)).toBe(1);
  });
});
