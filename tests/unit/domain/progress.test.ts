import { describe, expect, it } from "vitest";
import { weightedProgress } from "@/lib/domain/progress";

const m = (percent: number, weight = 1) => ({ percent, weight });

describe("weightedProgress", () => {
  it("is 0 without measures", () => {
    expect(weightedProgress([])).toBe(0);
  });

  it("with equal weights is the plain mean, rounded", () => {
    expect(weightedProgress([m(100), m(50), m(0)])).toBe(50);
    expect(weightedProgress([m(100), m(0), m(0)])).toBe(33);
    expect(weightedProgress([m(100), m(100), m(0)])).toBe(67);
    expect(weightedProgress([m(99), m(100)])).toBe(100);
  });

  it("weighs each measure by its weight", () => {
    // 100 × 3 + 0 × 1 over 4
    expect(weightedProgress([m(100, 3), m(0, 1)])).toBe(75);
    expect(weightedProgress([m(50, 2), m(20, 1), m(80, 1)])).toBe(50);
    expect(weightedProgress([m(10, 9), m(100, 1)])).toBe(19);
  });

  it("a measure weighing 0 does not count", () => {
    expect(weightedProgress([m(0, 0), m(80, 1)])).toBe(80);
  });

  it("when every weight is 0 the measures count alike", () => {
    expect(weightedProgress([m(0, 0), m(80, 0)])).toBe(40);
  });

  it("clamps percents to 0–100 and negative weights to 0", () => {
    expect(weightedProgress([m(150), m(50)])).toBe(75);
    expect(weightedProgress([m(-40), m(60)])).toBe(30);
    expect(weightedProgress([m(100, -5), m(20, 1)])).toBe(20);
  });

  it("clamps percents also when every weight is 0", () => {
    expect(weightedProgress([m(150, 0), m(50, 0)])).toBe(75);
    expect(weightedProgress([m(-40, 0), m(60, 0)])).toBe(30);
  });

  it("a percent that is not a number counts as 0, and a weight that is not a finite number as 0", () => {
    expect(weightedProgress([m(Number.NaN), m(60)])).toBe(30);
    expect(weightedProgress([m(Number.POSITIVE_INFINITY), m(60)])).toBe(30);
    expect(weightedProgress([m(Number.NaN, 0), m(60, 0)])).toBe(30);
    expect(weightedProgress([m(100, Number.NaN), m(20, 1)])).toBe(20);
    expect(weightedProgress([m(100, Number.POSITIVE_INFINITY), m(20, 1)])).toBe(20);
  });

  it("is 100 exactly when every counting measure is complete", () => {
    expect(weightedProgress([m(100, 2), m(100, 1)])).toBe(100);
    expect(weightedProgress([m(100, 200), m(99, 1)])).toBe(100);
  });
});
