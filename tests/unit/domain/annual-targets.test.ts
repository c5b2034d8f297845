import { describe, expect, it } from "vitest";
import { daysThrough, meetsTarget, targetProgress } from "@/lib/domain/annual-targets";

describe("targetProgress", () => {
  it("weights air figures by days: PM2.5 30 through June needs ≤ 28.0 for the rest of 2026 to end at 29", () => {
    // 2026: 181 days through June, 184 left; (29 × 365 − 30 × 181) / 184 = 28.016…
    const r = targetProgress({ indicator: "PM25", year: 2026, monthsDone: 6, ytd: 30, target: 29 });
    expect(r).toEqual({ kind: "NEEDED", metSoFar: false, neededAverage: 28, daysLeft: 184, monthsLeft: 6 });
  });

  it("lower is better: rounds the need down so it is never too lax, and says when the year-to-date already meets it", () => {
    const r = targetProgress({ indicator: "PM25", year: 2026, monthsDone: 6, ytd: 28, target: 29 });
    // (29 × 365 − 28 × 181) / 184 = 29.98… → 29.9
    expect(r).toMatchObject({ kind: "NEEDED", metSoFar: true, neededAverage: 29.9 });
  });

  it("flags an impossible PM2.5 target (below the 5 μg/m³ floor) instead of asking for ≤ 1", () => {
    const r = targetProgress({ indicator: "PM25", year: 2026, monthsDone: 10, ytd: 36, target: 30 });
    // (30 × 365 − 36 × 304) / 61 = −0.1…: below the floor, so the best plausible month (5) is named instead.
    expect(r).toMatchObject({ kind: "LOST", metSoFar: false, bestPlausible: 5 });
    // Just above the floor is still a need, shown as such.
    expect(targetProgress({ indicator: "PM25", year: 2026, monthsDone: 10, ytd: 31, target: 30 })).toMatchObject({
      kind: "NEEDED",
      neededAverage: 25,
    });
  });

  it("says a PM2.5 target is secured when even 300 μg/m³ for the rest of the year keeps it", () => {
    expect(targetProgress({ indicator: "PM25", year: 2026, monthsDone: 11, ytd: 10, target: 35 })).toEqual({
      kind: "SECURED",
      metSoFar: true,
    });
  });

  it("higher is better: good-air ratio 78 % through September needs ≥ 86.0 % to end at 80 %; 100 % ceiling makes 60 % → 80 % lost", () => {
    // 273 days through September 2026, 92 left: (80 × 365 − 78 × 273) / 92 = 85.934… → 86.0 (rounded up, one decimal more)
    expect(targetProgress({ indicator: "GOOD_AIR_RATIO", year: 2026, monthsDone: 9, ytd: 78, target: 80 })).toMatchObject({
      kind: "NEEDED",
      metSoFar: false,
      neededAverage: 85.94,
      daysLeft: 92,
    });
    expect(targetProgress({ indicator: "GOOD_AIR_RATIO", year: 2026, monthsDone: 9, ytd: 60, target: 80 })).toMatchObject({
      kind: "LOST",
      metSoFar: false,
      bestPlausible: 100,
    });
  });

  it("higher is better: secured when even 0 % for the rest keeps the target", () => {
    expect(targetProgress({ indicator: "GOOD_AIR_RATIO", year: 2026, monthsDone: 11, ytd: 95, target: 80 })).toEqual({
      kind: "SECURED",
      metSoFar: true,
    });
  });

  it("water shares accumulate by months: 优Ⅲ 85 % after 8 months needs ≥ 100 % to reach 90 %", () => {
    // (90 × 12 − 85 × 8) / 4 = 100: exactly the ceiling, still possible
    expect(targetProgress({ indicator: "WATER_GOOD_RATIO", year: 2026, monthsDone: 8, ytd: 85, target: 90 })).toMatchObject({
      kind: "NEEDED",
      neededAverage: 100,
      daysLeft: 122,
      monthsLeft: 4,
    });
    expect(targetProgress({ indicator: "WATER_GOOD_RATIO", year: 2026, monthsDone: 8, ytd: 84, target: 90 }).kind).toBe("LOST");
    // 劣Ⅴ ≤ 0: anything but 0 so far loses it
    expect(targetProgress({ indicator: "WATER_BAD_RATIO", year: 2026, monthsDone: 3, ytd: 4, target: 0 }).kind).toBe("LOST");
  });

  it("December decides: met or not, inclusive of the target value", () => {
    expect(targetProgress({ indicator: "PM25", year: 2026, monthsDone: 12, ytd: 29, target: 29 })).toEqual({
      kind: "FINAL",
      met: true,
    });
    expect(targetProgress({ indicator: "GOOD_AIR_RATIO", year: 2026, monthsDone: 12, ytd: 79.9, target: 80 })).toEqual({
      kind: "FINAL",
      met: false,
    });
  });

  it("refuses months outside 1–12", () => {
    expect(() => targetProgress({ indicator: "PM25", year: 2026, monthsDone: 0, ytd: 1, target: 1 })).toThrow(RangeError);
    expect(() => targetProgress({ indicator: "PM25", year: 2026, monthsDone: 13, ytd: 1, target: 1 })).toThrow(RangeError);
  });
});

describe("helpers", () => {
  it("counts days with leap years", () => {
    expect(daysThrough(2024, 2)).toBe(60);
    expect(daysThrough(2026, 2)).toBe(59);
    expect(daysThrough(2026, 12)).toBe(365);
  });
  it("meets is direction-aware and inclusive", () => {
    expect(meetsTarget(29, 29, "LOWER_IS_BETTER")).toBe(true);
    expect(meetsTarget(29.1, 29, "LOWER_IS_BETTER")).toBe(false);
    expect(meetsTarget(80, 80, "HIGHER_IS_BETTER")).toBe(true);
    expect(meetsTarget(79.9, 80, "HIGHER_IS_BETTER")).toBe(false);
  });
});
