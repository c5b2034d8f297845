import { describe, expect, it } from "vitest";
import {
  type AirMonth,
  capCollection,
  evaluateDistrictPenalties,
  FIRST_RULES_MONTH,
  mergePenaltyRules,
  overdueRedHazards,
  PENALTY_MEASURES,
  PENALTY_RULE_KEYS,
  type PenaltyRules,
  penaltyRulesSchema,
  type RuleVersion,
  ruleMonth,
  rulesOfYear,
  versionInForce,
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
const base = { districtCode: "320281", year: 2026, air: [] as AirMonth[], sections: [], problems: [] };

describe("PM2.5 rule: up year on year and ≥ 5 % above the city average, in 3 months of the year", () => {
  it("does not hit with two months, hits at the third with the months as evidence, fired in that month", () => {
    const air = [badPm25(1), fine(2), badPm25(3), badPm25(4)];
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
    const r = evaluateDistrictPenalties({ ...base, air }, 4);
    expect(r.hits).toEqual([
      {
        rule: "PM25",
        episodeKey: "PM25:2026",
        month: 4,
        fee: 3_000_000,
        months: [1, 3, 4].map((month) => ({ month, value: "33", lastYear: "31", cityAverage: "30" })),
      },
    ]);
    expect(r.totalFee).toBe(3_000_000);
    expect(r.uncappedFee).toBe(3_000_000);
    expect(r.measures).toEqual(PENALTY_MEASURES);
  });

  it("is charged once per year: later qualifying months add figures, not another episode or month", () => {
    const air = [1, 2, 3, 4, 5, 6].map((m) => badPm25(m));
    const at3 = evaluateDistrictPenalties({ ...base, air }, 3).hits;
    const at6 = evaluateDistrictPenalties({ ...base, air }, 6).hits;
    expect(at3.map((h) => [h.episodeKey, h.month, h.fee])).toEqual([["PM25:2026", 3, 3_000_000]]);
    expect(at6.map((h) => [h.episodeKey, h.month, h.fee])).toEqual([["PM25:2026", 3, 3_000_000]]);
    expect(at6[0]?.rule === "PM25" && at6[0].months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads months given out of order by their month", () => {
    const air = [badPm25(5), fine(1), badPm25(2), badPm25(4), fine(3)];
    const [hit] = evaluateDistrictPenalties({ ...base, air }, 5).hits;
    expect(hit?.month).toBe(5);
    expect(hit?.rule === "PM25" && hit.months.map((m) => m.month)).toEqual([2, 4, 5]);
  });

  it("ignores months after the one evaluated", () => {
    const air = [badPm25(1), badPm25(2), badPm25(9)];
    expect(evaluateDistrictPenalties({ ...base, air }, 8).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air }, 9).hits).toHaveLength(1);
  });

  it("exactly 5 % above the average counts; just under does not; averages with two decimals", () => {
    const at = (pm25: string, avg: string) =>
      [1, 2, 3].map((m) => badPm25(m, { pm25, pm25CityAverage: avg, pm25LastYear: "20" }));
    expect(evaluateDistrictPenalties({ ...base, air: at("31.5", "30") }, 3).hits).toHaveLength(1);
    expect(evaluateDistrictPenalties({ ...base, air: at("31.4", "30") }, 3).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air: at("42", "40") }, 3).hits).toHaveLength(1);
    // 30.25 × 1.05 = 31.7625
    expect(evaluateDistrictPenalties({ ...base, air: at("31.77", "30.25") }, 3).hits).toHaveLength(1);
    expect(evaluateDistrictPenalties({ ...base, air: at("31.76", "30.25") }, 3).hits).toEqual([]);
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

  it("January alone is evaluated, and needs only one month when the rule asks for one", () => {
    const rules = { ...WUXI_PENALTY_RULES, airMonths: 1 };
    expect(evaluateDistrictPenalties({ ...base, air: [badPm25(1)] }, 1).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air: [badPm25(1)] }, 1, rules).hits).toMatchObject([{ rule: "PM25", month: 1 }]);
  });

  it("without a year the episode key is the rule alone", () => {
    const { year: _year, ...noYear } = base;
    const air = [1, 2, 3].map((m) => badPm25(m));
    expect(evaluateDistrictPenalties({ ...noYear, air }, 3).hits[0]?.episodeKey).toBe("PM25");
  });
});

describe("good-air rule: down year on year and ≥ 1 point below the city average, in 3 months", () => {
  const badAir = (month: number, ratio: string, avg = "80.0", lastYear = "82.0") =>
    badPm25(month, { pm25: "29", goodAirRatio: ratio, goodAirRatioCityAverage: avg, goodAirRatioLastYear: lastYear });

  it("hits at one point below (equal edge included), not at 0.9", () => {
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "79.0")) }, 3).hits[0]).toMatchObject({
      rule: "GOOD_AIR",
      episodeKey: "GOOD_AIR:2026",
      month: 3,
      fee: 3_000_000,
    });
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "79.1")) }, 3).hits).toEqual([]);
  });

  it("averages with two decimals: 78.25 − 1 = 77.25 is the edge", () => {
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "77.25", "78.25")) }, 3).hits).toHaveLength(
      1,
    );
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "77.26", "78.25")) }, 3).hits).toEqual([]);
  });

  it("compares across published precisions (79 vs 80.0)", () => {
    expect(evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, "79")) }, 3).hits).toHaveLength(1);
  });

  it("exactly equal to last year is not down: no hit, however far below the average", () => {
    const air = [1, 2, 3].map((m) => badAir(m, "70.0", "80.0", "70.0"));
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
    const down = [1, 2, 3].map((m) => badAir(m, "70.0", "80.0", "70.1"));
    expect(evaluateDistrictPenalties({ ...base, air: down }, 3).hits).toHaveLength(1);
  });

  it("up on last year never hits", () => {
    const air = [1, 2, 3].map((m) => badAir(m, "70.0", "80.0", "69.0"));
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
  });

  it("a month missing any of its three figures does not count", () => {
    const air = [
      badAir(1, "70.0"),
      badPm25(2, { pm25: "29", goodAirRatio: null }),
      badPm25(3, { pm25: "29", goodAirRatio: "70.0", goodAirRatioLastYear: null }),
      badPm25(4, { pm25: "29", goodAirRatio: "70.0", goodAirRatioCityAverage: null }),
      badAir(5, "70.0"),
    ];
    expect(evaluateDistrictPenalties({ ...base, air }, 5).hits).toEqual([]);
  });

  it("a negative value is compared with its sign (a malformed import never counts as far below)", () => {
    const air = [1, 2, 3].map((m) => badPm25(m, { pm25: "-33", pm25LastYear: "-40", pm25CityAverage: "-30" }));
    // −33 ≥ −30 × 1.05 = −31.5 is false.
    expect(evaluateDistrictPenalties({ ...base, air }, 3).hits).toEqual([]);
  });
});

describe("water sections: once at 3 months, once more doubled at 6", () => {
  const S1 = { sectionCode: "S1", sectionName: "望虞河", level: "NATIONAL" as const };
  it("charges ¥5m per national and ¥3m per provincial section missing its target 3 months, in the month it fired", () => {
    const r = evaluateDistrictPenalties(
      {
        ...base,
        sections: [
          { sectionCode: "S2", sectionName: "锡澄运河", level: "PROVINCIAL", missedMonths: [6, 2, 4] },
          { ...S1, missedMonths: [1, 2, 3] },
          { sectionCode: "S3", sectionName: "直湖港", level: "NATIONAL", missedMonths: [1, 2] },
        ],
      },
      6,
    );
    expect(r.hits.map((h) => [h.rule, h.episodeKey, h.month, h.fee])).toEqual([
      ["SECTION", "SECTION:2026:S1:1", 3, 5_000_000],
      ["SECTION", "SECTION:2026:S2:1", 6, 3_000_000],
    ]);
    expect(r.totalFee).toBe(8_000_000);
  });

  it("the same section a second time in the year is a second episode, doubled, fired at the sixth month", () => {
    const r = evaluateDistrictPenalties({ ...base, sections: [{ ...S1, missedMonths: [8, 1, 3, 2, 5, 7] }] }, 8);
    expect(r.hits).toEqual([
      { rule: "SECTION", episodeKey: "SECTION:2026:S1:1", month: 3, fee: 5_000_000, ...S1, months: [1, 2, 3], repeated: false },
      {
        rule: "SECTION",
        episodeKey: "SECTION:2026:S1:2",
        month: 8,
        fee: 10_000_000,
        ...S1,
        months: [1, 2, 3, 5, 7, 8],
        repeated: true,
      },
    ]);
    // Two collections (months 3 and 8), each within the cap.
    expect(r.totalFee).toBe(15_000_000);
  });

  it("five missed months are one episode only", () => {
    const r = evaluateDistrictPenalties({ ...base, sections: [{ ...S1, missedMonths: [1, 2, 3, 4, 5] }] }, 12);
    expect(r.hits.map((h) => h.episodeKey)).toEqual(["SECTION:2026:S1:1"]);
  });

  it("a provincial section doubles its own fee", () => {
    const r = evaluateDistrictPenalties(
      { ...base, sections: [{ ...S1, level: "PROVINCIAL", missedMonths: [1, 2, 3, 4, 5, 6] }] },
      6,
      { ...WUXI_PENALTY_RULES, sectionRepeatMultiplier: 1.5 },
    );
    expect(r.hits.map((h) => h.fee)).toEqual([3_000_000, 4_500_000]);
  });

  it("counts each month once and only months up to the one evaluated", () => {
    const r = evaluateDistrictPenalties({ ...base, sections: [{ ...S1, missedMonths: [1, 1, 2, 11, 0, 13] }] }, 10);
    expect(r.hits).toEqual([]);
  });
});

describe("prominent problems: once per problem and reason", () => {
  it("charges ¥5m per problem and reason, in the month evaluated, ordered by code", () => {
    const r = evaluateDistrictPenalties(
      {
        ...base,
        problems: [
          { problemId: "b", code: "WX-2026-0002", reason: "PERFUNCTORY", findingId: "f1" },
          { problemId: "a", code: "WX-2026-0001", reason: "OVERDUE" },
          { problemId: "b", code: "WX-2026-0002", reason: "FALSE", findingId: "f2" },
          { problemId: "b", code: "WX-2026-0002", reason: "PERFUNCTORY", findingId: "f3" },
        ],
      },
      5,
    );
    expect(r.hits).toEqual([
      {
        rule: "PROBLEM",
        episodeKey: "PROBLEM:a:OVERDUE",
        month: 5,
        fee: 5_000_000,
        problemId: "a",
        code: "WX-2026-0001",
        reason: "OVERDUE",
      },
      {
        rule: "PROBLEM",
        episodeKey: "PROBLEM:b:FALSE",
        month: 5,
        fee: 5_000_000,
        problemId: "b",
        code: "WX-2026-0002",
        reason: "FALSE",
        findingId: "f2",
      },
      {
        rule: "PROBLEM",
        episodeKey: "PROBLEM:b:PERFUNCTORY",
        month: 5,
        fee: 5_000_000,
        problemId: "b",
        code: "WX-2026-0002",
        reason: "PERFUNCTORY",
        findingId: "f1",
      },
    ]);
    expect(r.uncappedFee).toBe(15_000_000);
    // One collection (month 5): capped at ¥10m.
    expect(r.totalFee).toBe(10_000_000);
  });
});

describe("hazard control failing: red hazards past their deadline", () => {
  const h = (hazardId: string, level: string, deadline: string) => ({
    hazardId,
    level,
    deadline,
    districtCode: "320281",
    title: `隐患${hazardId}`,
  });

  it("only red hazards strictly past their deadline, in id order", () => {
    const list = [
      h("b", "RED", "2026-05-30"),
      h("a", "RED", "2026-05-01"),
      h("c", "RED", "2026-05-31"),
      h("d", "ORANGE", "2026-01-01"),
    ];
    expect(overdueRedHazards(list, "2026-05-31").map((x) => x.hazardId)).toEqual(["a", "b"]);
    expect(overdueRedHazards(list, "2026-05-01")).toEqual([]);
  });

  // Stryker: equivalent — in overdueRedHazards' comparator `a.hazardId > b.hazardId ? 1 : 0` made
  // `false ? 1 : 0` (or `>=`) survives: hazard ids are unique and V8's sort only asks whether the
  // comparator is below zero. Likewise the sections' `a.sectionCode < b.sectionCode` made `<=`
  // (a district's section codes are unique).
  it("orders overdue hazards by id whatever the order given", () => {
    const ids = ["d", "a", "c", "e", "b"];
    const list = ids.map((id) => h(id, "RED", "2026-01-01"));
    expect(overdueRedHazards(list, "2026-02-01").map((x) => x.hazardId)).toEqual(["a", "b", "c", "d", "e"]);
    expect(overdueRedHazards([...list].reverse(), "2026-02-01").map((x) => x.hazardId)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("one proposal per hazard at the hazard fee, none without a day to judge on", () => {
    const hazards = [h("x", "RED", "2026-04-30")];
    const r = evaluateDistrictPenalties({ ...base, hazards, evaluatedOn: "2026-05-31" }, 5, {
      ...WUXI_PENALTY_RULES,
      hazardFee: 2_000_000,
    });
    expect(r.hits).toEqual([
      {
        rule: "HAZARD",
        episodeKey: "HAZARD:x",
        month: 5,
        fee: 2_000_000,
        hazardId: "x",
        title: "隐患x",
        level: "RED",
        deadline: "2026-04-30",
      },
    ]);
    expect(evaluateDistrictPenalties({ ...base, hazards }, 5).hits).toEqual([]);
  });

  it("the default hazard fee is ¥3m", () => {
    expect(WUXI_PENALTY_RULES.hazardFee).toBe(3_000_000);
  });
});

describe("cap per collection", () => {
  it("charges in order until the cap, showing the excess", () => {
    expect(capCollection([3_000_000, 5_000_000, 5_000_000, 1_000_000], 10_000_000)).toEqual([
      { amount: 3_000_000, charged: 3_000_000, capped: false, excess: 0 },
      { amount: 5_000_000, charged: 5_000_000, capped: false, excess: 0 },
      { amount: 5_000_000, charged: 2_000_000, capped: true, excess: 3_000_000 },
      { amount: 1_000_000, charged: 0, capped: true, excess: 1_000_000 },
    ]);
  });

  it("exactly at the cap is not capped", () => {
    expect(capCollection([4_000_000, 6_000_000], 10_000_000).map((c) => c.capped)).toEqual([false, false]);
  });

  it("one amount over the cap alone is cut to the cap", () => {
    expect(capCollection([12_000_000], 10_000_000)).toEqual([
      { amount: 12_000_000, charged: 10_000_000, capped: true, excess: 2_000_000 },
    ]);
  });

  it("sums by collection month in the evaluation: two months are two collections", () => {
    const air = [1, 2, 3].map((m) => badPm25(m));
    const sections = [{ sectionCode: "S1", sectionName: "x", level: "NATIONAL" as const, missedMonths: [1, 2, 3] }];
    const problems = [
      { problemId: "p", code: "P1", reason: "OVERDUE" as const },
      { problemId: "q", code: "P2", reason: "OVERDUE" as const },
    ];
    // Month 3: PM2.5 3m + section 5m = 8m; month 4: problems 10m.
    const r = evaluateDistrictPenalties({ ...base, air, sections }, 3);
    expect(r.totalFee).toBe(8_000_000);
    const r4 = evaluateDistrictPenalties({ ...base, air, sections, problems }, 4);
    expect(r4.uncappedFee).toBe(18_000_000);
    expect(r4.totalFee).toBe(18_000_000);
    const r4small = evaluateDistrictPenalties({ ...base, air, sections, problems }, 4, {
      ...WUXI_PENALTY_RULES,
      capPerCollection: 6_000_000,
    });
    expect(r4small.totalFee).toBe(12_000_000);
  });
});

describe("no hit", () => {
  it("a clean district owes nothing and suffers no other measure", () => {
    const r = evaluateDistrictPenalties({ ...base, air: [1, 2, 3, 4].map(fine) }, 4);
    expect(r).toEqual({ districtCode: "320281", hits: [], totalFee: 0, uncappedFee: 0, measures: [] });
  });

  it.each([0, 13, 2.5])("refuses month %s", (month) => {
    expect(() => evaluateDistrictPenalties(base, month)).toThrow(RangeError);
  });
});

describe("rule versions by month", () => {
  const v = (effectiveFrom: string, setAt: string, over: Partial<PenaltyRules> = {}): RuleVersion => ({
    effectiveFrom,
    setAt: new Date(setAt),
    rules: { ...WUXI_PENALTY_RULES, ...over },
  });
  const versions = [v("2026-07", "2026-06-20T00:00:00Z", { airFee: 4_000_000 }), v(FIRST_RULES_MONTH, "2021-08-01T00:00:00Z")];

  it("the version in force is the latest effective month not after the month (boundary month included)", () => {
    expect(versionInForce(versions, 2026, 6)?.effectiveFrom).toBe("2021-09");
    expect(versionInForce(versions, 2026, 7)?.effectiveFrom).toBe("2026-07");
    expect(versionInForce(versions, 2027, 1)?.effectiveFrom).toBe("2026-07");
    expect(versionInForce(versions, 2021, 9)?.effectiveFrom).toBe("2021-09");
    expect(versionInForce(versions, 2021, 8)).toBeNull();
  });

  // Stryker: survivor by design — `v.setAt.getTime() > best…` made `>=` only differs for two versions of
  // the same month saved in the same millisecond, where "the one set last" is undefined.
  it("of two versions from the same month the one set last stands, whatever the order given", () => {
    const later = v("2026-07", "2026-06-25T00:00:00Z", { airFee: 5_000_000 });
    expect(versionInForce([later, ...versions], 2026, 8)?.rules.airFee).toBe(5_000_000);
    expect(versionInForce([...versions, later], 2026, 8)?.rules.airFee).toBe(5_000_000);
  });

  it("ruleMonth pads the month", () => {
    expect(ruleMonth(2026, 7)).toBe("2026-07");
    expect(ruleMonth(2026, 12)).toBe("2026-12");
  });

  it("each month is judged by its rules and the fee is that of the month it fired", () => {
    const rulesAt = rulesOfYear(versions, 2026);
    expect(rulesAt(6).airFee).toBe(3_000_000);
    expect(rulesAt(7).airFee).toBe(4_000_000);
    expect(rulesOfYear([], 2026)(1)).toEqual(WUXI_PENALTY_RULES);
    const early = [1, 2, 3].map((m) => badPm25(m));
    expect(evaluateDistrictPenalties({ ...base, air: early }, 9, rulesAt).hits[0]?.fee).toBe(3_000_000);
    const late = [5, 6, 7].map((m) => badPm25(m));
    expect(evaluateDistrictPenalties({ ...base, air: late }, 9, rulesAt).hits[0]?.fee).toBe(4_000_000);
  });

  it("a stricter threshold from a month applies from that month on only", () => {
    const stricter = [
      v(FIRST_RULES_MONTH, "2021-08-01T00:00:00Z"),
      v("2026-03", "2026-02-01T00:00:00Z", { pm25AboveAveragePct: 20 }),
    ];
    // 33 vs 30 is 10 % above: counts in Jan and Feb, not from March.
    const air = [1, 2, 3, 4].map((m) => badPm25(m));
    expect(evaluateDistrictPenalties({ ...base, air }, 4, rulesOfYear(stricter, 2026)).hits).toEqual([]);
    const loose = [v(FIRST_RULES_MONTH, "2021-08-01T00:00:00Z"), v("2026-03", "2026-02-01T00:00:00Z", { airMonths: 2 })];
    expect(evaluateDistrictPenalties({ ...base, air }, 4, rulesOfYear(loose, 2026)).hits[0]?.month).toBe(3);
  });
});

describe("the rules as data: ranges key by key", () => {
  it("overrides only the rules it names", () => {
    expect(mergePenaltyRules({ problemFee: 2_000_000, airMonths: 4 })).toEqual({
      ...WUXI_PENALTY_RULES,
      problemFee: 2_000_000,
      airMonths: 4,
    });
  });

  // Stryker: equivalent — in mergePenaltyRules' guard, `typeof stored !== "object"` made `false` and
  // `Array.isArray(stored)` made `false` survive: a string, number or array has only index keys (or
  // none), never a rule's name, so the key-by-key merge below keeps the Wuxi rules all the same.
  it.each([undefined, null, "x", 3, [1, 2]])("falls back to the Wuxi rules for %o", (stored) => {
    expect(mergePenaltyRules(stored)).toEqual(WUXI_PENALTY_RULES);
  });

  it("ignores unknown keys and values out of range or of another type, key by key", () => {
    const merged = mergePenaltyRules({
      somethingElse: 1,
      airFee: -5,
      airMonths: 13,
      sectionRepeatMultiplier: "2",
      capPerCollection: 1.5,
      problemFee: 4_000_000,
    });
    expect(merged).toEqual({ ...WUXI_PENALTY_RULES, problemFee: 4_000_000 });
  });

  it("reads the old name of the cap, unless the new one is given", () => {
    expect(mergePenaltyRules({ capPerPenalty: 8_000_000 }).capPerCollection).toBe(8_000_000);
    expect(mergePenaltyRules({ capPerPenalty: 8_000_000, capPerCollection: 9_000_000 }).capPerCollection).toBe(9_000_000);
  });

  it("lists every rule key once", () => {
    expect([...PENALTY_RULE_KEYS].sort()).toEqual(Object.keys(WUXI_PENALTY_RULES).sort());
  });

  const ranges: [keyof PenaltyRules, number, number, boolean][] = [
    ["pm25AboveAveragePct", 0, 100, false],
    ["goodAirBelowAveragePoints", 0, 100, false],
    ["airMonths", 1, 12, true],
    ["airFee", 0, 1_000_000_000, true],
    ["sectionMonths", 1, 12, true],
    ["nationalSectionFee", 0, 1_000_000_000, true],
    ["provincialSectionFee", 0, 1_000_000_000, true],
    ["sectionRepeatMultiplier", 1, 10, false],
    ["problemFee", 0, 1_000_000_000, true],
    ["hazardFee", 0, 1_000_000_000, true],
    ["capPerCollection", 1, 1_000_000_000, true],
    ["suspensionMonths", 0, 60, true],
  ];

  it("tests the range of every key", () => {
    expect(ranges.map(([k]) => k).sort()).toEqual([...PENALTY_RULE_KEYS].sort());
  });

  it.each(ranges)("%s accepts %d…%d and nothing outside", (key, min, max, whole) => {
    const ok = (value: unknown) => penaltyRulesSchema.safeParse({ [key]: value }).success;
    expect(ok(min)).toBe(true);
    expect(ok(max)).toBe(true);
    expect(ok(min - 1)).toBe(false);
    expect(ok(max + 1)).toBe(false);
    expect(ok(min + 0.5)).toBe(!whole);
    expect(ok(String(min))).toBe(false);
    expect(ok(null)).toBe(false);
    expect(mergePenaltyRules({ [key]: max })[key]).toBe(max);
    expect(mergePenaltyRules({ [key]: max + 1 })[key]).toBe(WUXI_PENALTY_RULES[key]);
  });

  it("refuses unknown keys", () => {
    expect(penaltyRulesSchema.safeParse({ airFees: 1 }).success).toBe(false);
  });
});

describe("the figures behind the air rules, to the last digit", () => {
  const badAir = (month: number, ratio: string, avg: string, lastYear = "99.0") =>
    badPm25(month, { pm25: "29", goodAirRatio: ratio, goodAirRatioCityAverage: avg, goodAirRatioLastYear: lastYear });
  const goodAirHits = (ratio: string, avg: string, points = 1) =>
    evaluateDistrictPenalties({ ...base, air: [1, 2, 3].map((m) => badAir(m, ratio, avg)) }, 3, {
      ...WUXI_PENALTY_RULES,
      goodAirBelowAveragePoints: points,
    }).hits.length;

  it("good air: whole-number averages and a fractional number of points", () => {
    // 80 − 1 = 79
    expect(goodAirHits("79", "80")).toBe(1);
    expect(goodAirHits("79.1", "80")).toBe(0);
    // 80 − 0.5 = 79.5
    expect(goodAirHits("79.5", "80", 0.5)).toBe(1);
    expect(goodAirHits("79.6", "80", 0.5)).toBe(0);
    // 80.25 − 1.5 = 78.75
    expect(goodAirHits("78.75", "80.25", 1.5)).toBe(1);
    expect(goodAirHits("78.76", "80.25", 1.5)).toBe(0);
  });

  it("good air: an average smaller than the points (1.5 − 1 = 0.5; 0.8 − 1 = −0.2)", () => {
    expect(goodAirHits("0.5", "1.5")).toBe(1);
    expect(goodAirHits("0.6", "1.5")).toBe(0);
    // Nobody can be 1 point below 0.8: a ratio of 0 is only 0.8 below.
    expect(goodAirHits("0", "0.8")).toBe(0);
    expect(goodAirHits("0.0", "0.8")).toBe(0);
  });

  it("good air: a negative average (a malformed import) keeps its sign: −1 − 1 = −2", () => {
    expect(goodAirHits("-2", "-1")).toBe(1);
    expect(goodAirHits("-1.5", "-1")).toBe(0);
    expect(goodAirHits("-1.5", "-1.0")).toBe(0);
  });

  // Stryker: equivalent — in subtractPoints `result < 0n` made `<= 0n` turns a zero result into
  // "-0" (or "-0.0"), which compares equal to "0": an average exactly equal to the points gives the
  // same verdict either way (pinned here).
  it("good air: an average equal to the points leaves zero as the edge", () => {
    expect(goodAirHits("0", "1")).toBe(1);
    expect(goodAirHits("0.1", "1.0")).toBe(0);
  });

  it("PM2.5: digits beyond the sixth decimal are not rounded up into a hit", () => {
    const at = (pm25: string) => [1, 2, 3].map((m) => badPm25(m, { pm25, pm25CityAverage: "30", pm25LastYear: "20" }));
    expect(evaluateDistrictPenalties({ ...base, air: at("31.4999999") }, 3).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air: at("31.500000") }, 3).hits).toHaveLength(1);
  });

  it("air figures of a month outside 1–12 never count", () => {
    const air = [badPm25(0), badPm25(1), badPm25(2)];
    expect(evaluateDistrictPenalties({ ...base, air }, 2).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, air: [badPm25(1), badPm25(2), badPm25(3)] }, 12).hits).toHaveLength(1);
  });

  it("the good-air count follows months given out of order too", () => {
    const air = [badAir(6, "70.0", "80.0"), fine(1), badAir(2, "70.0", "80.0"), badAir(4, "70.0", "80.0")];
    const [hit] = evaluateDistrictPenalties({ ...base, air }, 6).hits;
    expect(hit).toMatchObject({ rule: "GOOD_AIR", month: 6 });
    expect(hit?.rule === "GOOD_AIR" && hit.months.map((m) => m.month)).toEqual([2, 4, 6]);
  });

  it("January: good air fires in January when the rule asks for one month", () => {
    const rules = { ...WUXI_PENALTY_RULES, airMonths: 1, airFee: 1_000_000 };
    expect(evaluateDistrictPenalties({ ...base, air: [badAir(1, "70.0", "80.0")] }, 1, rules).hits).toEqual([
      {
        rule: "GOOD_AIR",
        episodeKey: "GOOD_AIR:2026",
        month: 1,
        fee: 1_000_000,
        months: [{ month: 1, value: "70.0", lastYear: "99.0", cityAverage: "80.0" }],
      },
    ]);
  });
});

describe("evaluation edges", () => {
  it("a day to judge hazards on without hazards is no hit", () => {
    expect(evaluateDistrictPenalties({ ...base, evaluatedOn: "2026-05-31" }, 5).hits).toEqual([]);
    expect(evaluateDistrictPenalties({ ...base, hazards: [], evaluatedOn: "2026-05-31" }, 5).hits).toEqual([]);
  });

  it("a section's repeat and first fee use the rules of their own months", () => {
    const S = { sectionCode: "S1", sectionName: "望虞河", level: "NATIONAL" as const, missedMonths: [1, 2, 3, 4, 5, 6] };
    const rules = (m: number) => (m < 6 ? WUXI_PENALTY_RULES : { ...WUXI_PENALTY_RULES, nationalSectionFee: 1_000_000 });
    expect(evaluateDistrictPenalties({ ...base, sections: [S] }, 6, rules).hits.map((h) => [h.month, h.fee])).toEqual([
      [3, 5_000_000],
      [6, 2_000_000],
    ]);
  });

  it("problems of the same code are ordered by reason, whatever the order given", () => {
    const p = (reason: "OVERDUE" | "FALSE" | "PERFUNCTORY") => ({ problemId: "a", code: "WX-1", reason });
    const order = (list: ReturnType<typeof p>[]) =>
      evaluateDistrictPenalties({ ...base, problems: list }, 5).hits.map((h) => h.rule === "PROBLEM" && h.reason);
    expect(order([p("PERFUNCTORY"), p("OVERDUE"), p("FALSE")])).toEqual(["FALSE", "OVERDUE", "PERFUNCTORY"]);
    expect(order([p("FALSE"), p("PERFUNCTORY"), p("OVERDUE")])).toEqual(["FALSE", "OVERDUE", "PERFUNCTORY"]);
  });

  it("sections are listed in code order whatever the order given", () => {
    const s = (sectionCode: string) => ({
      sectionCode,
      sectionName: sectionCode,
      level: "PROVINCIAL" as const,
      missedMonths: [1, 2, 3],
    });
    const codesOf = (list: ReturnType<typeof s>[]) =>
      evaluateDistrictPenalties({ ...base, sections: list }, 3).hits.map((h) => h.rule === "SECTION" && h.sectionCode);
    expect(codesOf([s("B"), s("A"), s("C")])).toEqual(["A", "B", "C"]);
    expect(codesOf([s("A"), s("C"), s("B")])).toEqual(["A", "B", "C"]);
  });

  it("a stored value left undefined keeps the Wuxi rule", () => {
    expect(mergePenaltyRules({ airFee: undefined })).toEqual(WUXI_PENALTY_RULES);
  });
});

describe("last edges", () => {
  it("says which month it refuses", () => {
    expect(() => evaluateDistrictPenalties(base, 13)).toThrow("month must be 1–12, got 13");
  });

  it("problems are ordered by code before reason", () => {
    const r = evaluateDistrictPenalties(
      {
        ...base,
        problems: [
          { problemId: "a", code: "WX-1", reason: "PERFUNCTORY" },
          { problemId: "b", code: "WX-2", reason: "FALSE" },
        ],
      },
      5,
    );
    expect(r.hits.map((h) => h.rule === "PROBLEM" && h.code)).toEqual(["WX-1", "WX-2"]);
    const given = [
      { problemId: "b", code: "WX-2", reason: "FALSE" as const },
      { problemId: "a", code: "WX-1", reason: "PERFUNCTORY" as const },
    ];
    const r2 = evaluateDistrictPenalties({ ...base, problems: given }, 5);
    expect(r2.hits.map((h) => h.rule === "PROBLEM" && h.code)).toEqual(["WX-1", "WX-2"]);
  });

  // Stryker: equivalent — in subtractPoints `* (sign ? -1n : 1n)` made `/` divides by ±1, the same
  // as multiplying; and `text.includes(".")` made `includes("")` in decimalsOf gives the same 0 for
  // a value without a point (its second part is undefined, `?? 0`).

  it("a version from a later month stands over an older month's version saved after it", () => {
    const rules = { ...WUXI_PENALTY_RULES };
    const versions: RuleVersion[] = [
      { effectiveFrom: "2026-07", setAt: new Date("2026-06-20T00:00:00Z"), rules },
      { effectiveFrom: "2021-09", setAt: new Date("2026-06-25T00:00:00Z"), rules },
    ];
    expect(versionInForce(versions, 2026, 8)?.effectiveFrom).toBe("2026-07");
  });
});
