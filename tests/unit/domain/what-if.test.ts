import { describe, expect, it } from "vitest";
import { whatIf } from "@/lib/domain/what-if";

const pm25 = { direction: "LOWER_IS_BETTER" as const, min: 0, max: 1000 };
const goodAir = { direction: "HIGHER_IS_BETTER" as const, min: 0, max: 100 };

describe("whatIf", () => {
  it("PM2.5 at 36 after 10 months cannot end at 30 (it would need 0 in the last two); at 33 it needs 27 to end at 32", () => {
    expect(whatIf({ ytd: 36, monthsDone: 10, target: 30, ...pm25 })).toEqual({
      kind: "NEEDED",
      neededAverage: 0,
      monthsLeft: 2,
      achievable: false,
      onTrack: false,
    });
    expect(whatIf({ ytd: 33, monthsDone: 10, target: 32, ...pm25 })).toMatchObject({
      neededAverage: 27,
      achievable: true,
      onTrack: false,
    });
  });

  it("already better than the target: on track, and the need is easy", () => {
    expect(whatIf({ ytd: 28, monthsDone: 6, target: 30, ...pm25 })).toMatchObject({
      onTrack: true,
      neededAverage: 32,
      achievable: true,
    });
  });

  it("a higher-is-better ratio needs at least the computed average; above 100 % is not achievable", () => {
    expect(whatIf({ ytd: 78, monthsDone: 9, target: 80, ...goodAir })).toMatchObject({ neededAverage: 86, achievable: true });
    expect(whatIf({ ytd: 70, monthsDone: 11, target: 80, ...goodAir })).toMatchObject({ neededAverage: 190, achievable: false });
  });

  it("at the start of the year the whole year must average the target", () => {
    expect(whatIf({ ytd: 0, monthsDone: 0, target: 30, ...pm25 })).toMatchObject({
      neededAverage: 30,
      monthsLeft: 12,
      onTrack: false,
    });
  });

  it("after December the year is decided", () => {
    expect(whatIf({ ytd: 29, monthsDone: 12, target: 30, ...pm25 })).toEqual({
      kind: "ALREADY_DECIDED",
      finalValue: 29,
      beatsTarget: true,
    });
    expect(whatIf({ ytd: 30, monthsDone: 12, target: 30, ...pm25 })).toMatchObject({ beatsTarget: false });
  });

  it.each([-1, 13, 2.5])("refuses %s months done", (monthsDone) => {
    expect(() => whatIf({ ytd: 30, monthsDone, target: 30, ...pm25 })).toThrow(new RangeError("monthsDone must be 0–12"));
  });

  it("the needed average is given to two decimals (205 ÷ 7 = 29.2857… → 29.29)", () => {
    expect(whatIf({ ytd: 31, monthsDone: 5, target: 30, ...pm25 })).toMatchObject({ neededAverage: 29.29, monthsLeft: 7 });
    expect(whatIf({ ytd: 78, monthsDone: 5, target: 80, ...goodAir })).toMatchObject({ neededAverage: 81.43 });
  });

  it("January: after one month the other eleven carry the rest", () => {
    expect(whatIf({ ytd: 42, monthsDone: 1, target: 31, ...pm25 })).toEqual({
      kind: "NEEDED",
      neededAverage: 30,
      monthsLeft: 11,
      achievable: true,
      onTrack: false,
    });
  });

  describe("higher is better (good-air days ratio)", () => {
    it("above the target is on track; equal to it or below is not (a tie does not beat it)", () => {
      expect(whatIf({ ytd: 82, monthsDone: 6, target: 80, ...goodAir })).toMatchObject({ onTrack: true, neededAverage: 78 });
      expect(whatIf({ ytd: 80, monthsDone: 6, target: 80, ...goodAir })).toMatchObject({ onTrack: false, neededAverage: 80 });
      expect(whatIf({ ytd: 78, monthsDone: 9, target: 80, ...goodAir })).toMatchObject({ onTrack: false });
    });

    it("a need of exactly 100 % is not achievable (it must be beaten, and nothing beats 100 %); 99.5 % is", () => {
      expect(whatIf({ ytd: 70, monthsDone: 10, target: 75, ...goodAir })).toMatchObject({
        neededAverage: 100,
        achievable: false,
      });
      expect(whatIf({ ytd: 70, monthsDone: 10, target: 899 / 12, ...goodAir })).toMatchObject({
        neededAverage: 99.5,
        achievable: true,
      });
    });

    it("after December: above the target beats it, equal or below does not", () => {
      expect(whatIf({ ytd: 81, monthsDone: 12, target: 80, ...goodAir })).toEqual({
        kind: "ALREADY_DECIDED",
        finalValue: 81,
        beatsTarget: true,
      });
      expect(whatIf({ ytd: 80, monthsDone: 12, target: 80, ...goodAir })).toMatchObject({ beatsTarget: false });
      expect(whatIf({ ytd: 79, monthsDone: 12, target: 80, ...goodAir })).toMatchObject({ beatsTarget: false });
    });
  });

  it("lower is better, after December: equal to or above the target does not beat it", () => {
    expect(whatIf({ ytd: 31, monthsDone: 12, target: 30, ...pm25 })).toMatchObject({ beatsTarget: false });
  });
});
