import { describe, expect, it } from "vitest";
import {
  type AirMonth,
  evaluateDistrictPenalties,
  mergePenaltyRules,
  PENALTY_MEASURES,
  WUXI_PENALTY_RULES,
} from "@/lib/domain/penalties";

/** A month in which PM2.5 is up on last year and 10 % above the city average, good air fine. */
const badPm25 = (month: number, over: Partial<AirMonth> = {}): AirMonth => ({
  month,
  pm25: "33",
  pm25LastYear: "31",
  pm25CityAverage: "30",
  goodAirRatio: "85.0",
  goodAirRatioLastYear: "84.0",
  goodAirRatioCityAverage: "84.5",
  ...over,
});
const fine = (month: number): AirMonth => badPm25(month, { pm25: "29", pm25LastYear: "31" });
const base = { districtCode: "320281", air: [] as AirMonth[], sections: [], problems: [] };

describe("PM2.5 rule: up year on year and ≥ 5 % above the city average, in 3 months of the year", () => {
  it("does not hit with two months, hits at the third with the months as evidence", () => {
    const air = [badPm25(1), fine(2), badPm25(3), badPm25(4)];
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
    const r = evaluateDistrictPenalties({ ...base, air }, 4);
    expect(r.hits).toEqual([
      {
        rule: "PM25",
        fee: 3_000_000,
        capped: false,
        months: [1, 3, 4].map((month) => ({ month, value: "33", lastYear: "31", cityAverage: "30" })),
      },
    ]);
    expect(r.totalFee).toBe(3_000_000);
    expect(r.measures).toEqual(PENALTY_MEASURES);
  });

  it("ignores months after the one evaluated", () => {
    const air = [badPm25(1), badPm25(2), badPm25(9)];
    expect(evaluateDistrictPenalties({ ...base, air }, 8).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air }, 9).hits).toHaveLength(1);
  });

  it("exactly 5 % above the average counts; just under does not", () => {
    const at = (pm25: string, avg: string) =>
      [1, 2, 3].map((m) => badPm25(m, { pm25, pm25CityAverage: avg, pm25LastYear: "20" }));
    expect(evaluateDistrictPenalties({ ...base, air: at("31.5", "30") }, 3).hits).toHaveLength(1);
    expect(evaluateDistrictPenalties({ ...base, air: at("31.4", "30") }, 3).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air: at("42", "40") }, 3).hits).toHaveLength(1);
  });

  it("equal to last year is not 'up'; far above the average alone does not hit", () => {
    const air = [1, 2, 3].map((m) => badPm25(m, { pm25: "40", pm25LastYear: "40" }));
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
  });

  it("a month with missing data never counts", () => {
    const air = [
      badPm25(1),
      badPm25(2, { pm25LastYear: null }),
      badPm25(3, { pm25CityAverage: null }),
      badPm25(4, { pm25: null }),
    ];
    expect(evaluateDistrictPenalties({ ...base, air }, 12).hits).toEqual([]);
  });
});

describe("good-air rule: down year on year and ≥ 1 point below the city average, in 3 months", () => {
  const badAir = (month: number, ratio: string, avg = "80.0", lastYear = "82.0") =>
    badPm25(month, { pm25: "29", goodAirRatio: ratio, goodAirRatioCityAverage: avg, goodAirRatioLastYear: lastYear });

  it("hits at one point below (equal edge included), not at 0.9", () => {
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "79.0")) }, 3).hits[0]).toMatchObject({
      rule: "GOOD_AIR",
      fee: 3_000_000,
    });
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "79.1")) }, 3).hits).toEqual([]);
  });

  it("compares across published precisions (79 vs 80.0)", () => {
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "79")) }, 3).hits).toHaveLength(1);
  });

  it("up on last year never hits, however far below the average", () => {
    const air = [1, 2, 3].map((m) => badAir(m, "70.0", "80.0", "69.0"));
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
  });
});

describe("water sections", () => {
  it("charges ¥5m per national and ¥3m per provincial section missing its target 3 months", () => {
    const r = evaluateDistrictPenalties(
      {
        ...base,
        sections: [
          { sectionCode: "S2", sectionName: "锡澄运河", level: "PROVINCIAL", missedMonths: [2, 4, 6] },
          { sectionCode: "S1", sectionName: "望虞河", level: "NATIONAL", missedMonths: [1, 2, 3] },
          { sectionCode: "S3", sectionName: "直湖港", level: "NATIONAL", missedMonths: [1, 2] },
        ],
      },
      6,
    );
    expect(r.hits.map((h) => [h.rule, "sectionCode" in h ? h.sectionCode : "", h.fee])).toEqual([
      ["SECTION", "S1", 5_000_000],
      ["SECTION", "S2", 3_000_000],
    ]);
    expect(r.totalFee).toBe(8_000_000);
  });

  it("doubles the fee when the same section does it again in the year, within the cap", () => {
    const r = evaluateDistrictPenalties(
      { ...base, sections: [{ sectionCode: "S1", sectionName: "望虞河", level: "NATIONAL", missedMonths: [1, 2, 3, 5, 7, 8] }] },
      8,
    );
    expect(r.hits[0]).toMatchObject({ fee: 10_000_000, capped: false, repeated: true, months: [1, 2, 3, 5, 7, 8] });
  });

  it("caps one penalty at ¥10m", () => {
    const rules = { ...WUXI_PENALTY_RULES, sectionRepeatMultiplier: 3 };
    const r = evaluateDistrictPenalties(
      { ...base, sections: [{ sectionCode: "S1", sectionName: "望虞河", level: "NATIONAL", missedMonths: [1, 2, 3, 4, 5, 6] }] },
      6,
      rules,
    );
    expect(r.hits[0]).toMatchObject({ fee: 10_000_000, capped: true });
  });

  it("counts each month once and only months up to the one evaluated", () => {
    const r = evaluateDistrictPenalties(
      { ...base, sections: [{ sectionCode: "S1", sectionName: "望虞河", level: "NATIONAL", missedMonths: [1, 1, 2, 11] }] },
      10,
    );
    expect(r.hits).toEqual([]);
  });
});

describe("prominent problems not rectified", () => {
  it("charges ¥5m per problem, each with its reason", () => {
    const r = evaluateDistrictPenalties(
      {
        ...base,
        problems: [
          { problemId: "b", code: "WX-2026-0002", reason: "PERFUNCTORY" },
          { problemId: "a", code: "WX-2026-0001", reason: "OVERDUE" },
        ],
      },
      5,
    );
    expect(r.hits).toEqual([
      { rule: "PROBLEM", fee: 5_000_000, capped: false, problemId: "a", code: "WX-2026-0001", reason: "OVERDUE" },
      { rule: "PROBLEM", fee: 5_000_000, capped: false, problemId: "b", code: "WX-2026-0002", reason: "PERFUNCTORY" },
    ]);
    expect(r.totalFee).toBe(10_000_000);
  });
});

describe("no hit", () => {
  it("a clean district owes nothing and suffers no other measure", () => {
    const r = evaluateDistrictPenalties({ ...base, air: [1, 2, 3, 4].map(fine) }, 4);
    expect(r).toEqual({ districtCode: "320281", hits: [], totalFee: 0, measures: [] });
  });

  it.each([0, 13, 2.5])("refuses month %s", (month) => {
    expect(() => evaluateDistrictPenalties(base, month)).toThrow(RangeError);
  });
});

describe("the penaltyRules setting", () => {
  it("overrides only the rules it names", () => {
    expect(mergePenaltyRules({ problemFee: 2_000_000, airMonths: 4 })).toEqual({
      ...WUXI_PENALTY_RULES,
      problemFee: 2_000_000,
      airMonths: 4,
    });
  });

  it.each([undefined, null, "x", 3, [1, 2]])("falls back to the Wuxi rules for %o", (stored) => {
    expect(mergePenaltyRules(stored)).toEqual(WUXI_PENALTY_RULES);
  });

  it("ignores unknown keys and values out of range or of another type, key by key", () => {
    const merged = mergePenaltyRules({
      somethingElse: 1,
      airFee: -5,
      airMonths: 13,
      sectionRepeatMultiplier: "2",
      capPerPenalty: 1.5,
      problemFee: 4_000_000,
    });
    expect(merged).toEqual({ ...WUXI_PENALTY_RULES, problemFee: 4_000_000 });
  });
});
