import { describe, expect, it } from "vitest";
import { compareValues, type RankInput, rankUnits } from "@/lib/domain/ranking";

const u = (unitCode: string, value: string | null, extra: Partial<RankInput> = {}): RankInput => ({
  unitCode,
  unitName: `U${unitCode}`,
  value,
  ...extra,
});

const summary = (rows: ReturnType<typeof rankUnits>) => rows.map((r) => [r.unitCode, r.rank, r.tied]);

describe("compareValues", () => {
  it.each([
    ["30", "31", "LOWER_IS_BETTER", -1],
    ["31", "30", "LOWER_IS_BETTER", 1],
    ["30", "30.0", "LOWER_IS_BETTER", 0],
    ["85.1", "85.10", "HIGHER_IS_BETTER", 0],
    ["85.2", "85.1", "HIGHER_IS_BETTER", -1],
    ["-0.5", "0.2", "LOWER_IS_BETTER", -1],
    ["-1.5", "-1.25", "HIGHER_IS_BETTER", 1],
    ["0.1", "0.09", "LOWER_IS_BETTER", 1],
  ] as const)("%s vs %s (%s) → %d", (a, b, direction, expected) => {
    expect(compareValues(a, b, direction)).toBe(expected);
  });

  it("compares exactly where floating point would not (0.1 + 0.2 style figures)", () => {
    expect(compareValues("0.30000000000000004", "0.3", "LOWER_IS_BETTER")).toBe(1);
  });

  it.each(["", "abc", "1e3", "1,5", " 1", "1."])("refuses %j as a published value", (bad) => {
    expect(() => compareValues(bad, "1", "LOWER_IS_BETTER")).toThrow(RangeError);
  });
});

describe("rankUnits: competition ranking", () => {
  it("ranks lower-is-better indicators ascending", () => {
    const rows = rankUnits([u("320200", "31"), u("320100", "28"), u("320300", "35")], { direction: "LOWER_IS_BETTER" });
    expect(summary(rows)).toEqual([
      ["320100", 1, false],
      ["320200", 2, false],
      ["320300", 3, false],
    ]);
  });

  it("ranks higher-is-better indicators descending", () => {
    const rows = rankUnits([u("320200", "80.1"), u("320100", "78.5"), u("320300", "84.0")], { direction: "HIGHER_IS_BETTER" });
    expect(rows.map((r) => r.unitCode)).toEqual(["320300", "320200", "320100"]);
  });

  it("gives equal values one rank and skips the next (1, 2, 2, 4), ties in code order", () => {
    const rows = rankUnits([u("320500", "30"), u("320400", "32"), u("320200", "32"), u("320100", "35")], {
      direction: "LOWER_IS_BETTER",
    });
    expect(summary(rows)).toEqual([
      ["320500", 1, false],
      ["320200", 2, true],
      ["320400", 2, true],
      ["320100", 4, false],
    ]);
  });

  it("ties on the value as published: 30 and 30.0 tie, 30.0 and 30.1 do not", () => {
    const rows = rankUnits([u("320300", "30.0"), u("320100", "30"), u("320200", "30.1")], { direction: "LOWER_IS_BETTER" });
    expect(summary(rows)).toEqual([
      ["320100", 1, true],
      ["320300", 1, true],
      ["320200", 3, false],
    ]);
  });

  it("an all-tie scope shares rank 1", () => {
    const rows = rankUnits([u("2", "5"), u("1", "5"), u("3", "5")], { direction: "HIGHER_IS_BETTER" });
    expect(summary(rows)).toEqual([
      ["1", 1, true],
      ["2", 1, true],
      ["3", 1, true],
    ]);
  });

  it("lists units without data last, unranked, in code order, never top three or above average", () => {
    const rows = rankUnits([u("320900", null), u("320100", "30"), u("320300", null)], {
      direction: "LOWER_IS_BETTER",
      provincialAverage: "40",
    });
    expect(summary(rows)).toEqual([
      ["320100", 1, false],
      ["320300", null, false],
      ["320900", null, false],
    ]);
    expect(rows[1]).toMatchObject({ topThree: false, aboveProvincialAverage: null, named: false });
  });

  it("an empty scope ranks nothing", () => {
    expect(rankUnits([], { direction: "LOWER_IS_BETTER" })).toEqual([]);
  });

  it("refuses a unit listed twice or a value that is not a decimal", () => {
    expect(() => rankUnits([u("1", "3"), u("1", "4")], { direction: "LOWER_IS_BETTER" })).toThrow(/twice/);
    expect(() => rankUnits([u("1", "n/a")], { direction: "LOWER_IS_BETTER" })).toThrow(RangeError);
  });
});

describe("rankUnits: the target line", () => {
  const cities = [
    "320100",
    "320200",
    "320300",
    "320400",
    "320500",
    "320600",
    "320700",
    "320800",
    "320900",
    "321000",
    "321100",
    "321200",
    "321300",
  ];
  const scope = (values: string[]) => cities.map((c, i) => u(c, values[i] ?? null));

  it("above the provincial average means strictly better; equal is not above", () => {
    const rows = rankUnits([u("1", "29"), u("2", "30"), u("3", "31")], { direction: "LOWER_IS_BETTER", provincialAverage: "30" });
    expect(rows.map((r) => r.aboveProvincialAverage)).toEqual([true, false, false]);
    const higher = rankUnits([u("1", "80.5"), u("2", "80.4")], { direction: "HIGHER_IS_BETTER", provincialAverage: "80.4" });
    expect(higher.map((r) => r.aboveProvincialAverage)).toEqual([true, false]);
  });

  it("without a provincial average the badge is unknown (null), not false", () => {
    const rows = rankUnits([u("1", "29")], { direction: "LOWER_IS_BETTER" });
    expect(rows[0]?.aboveProvincialAverage).toBeNull();
  });

  it("top three is rank ≤ 3, so a tie at 3 gives four units the badge and rank 5 comes next", () => {
    const rows = rankUnits([u("1", "10"), u("2", "11"), u("3", "12"), u("4", "12"), u("5", "13")], {
      direction: "LOWER_IS_BETTER",
    });
    expect(rows.map((r) => [r.rank, r.topThree])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [3, true],
      [5, false],
    ]);
  });

  it("names the worst five of thirteen", () => {
    const values = ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32"];
    const rows = rankUnits(scope(values), { direction: "LOWER_IS_BETTER" });
    expect(rows.filter((r) => r.named).map((r) => r.rank)).toEqual([9, 10, 11, 12, 13]);
  });

  it("a tie across the boundary of the bottom five names every tied unit", () => {
    const values = ["20", "21", "22", "23", "24", "25", "26", "28", "28", "29", "30", "31", "32"];
    const rows = rankUnits(scope(values), { direction: "LOWER_IS_BETTER" });
    expect(rows.filter((r) => r.named).map((r) => r.unitCode)).toEqual([
      "320800",
      "320900",
      "321000",
      "321100",
      "321200",
      "321300",
    ]);
  });

  it("bottom N is a setting; 0 names nobody by rank", () => {
    const values = ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32"];
    expect(rankUnits(scope(values), { direction: "LOWER_IS_BETTER", bottomN: 10 }).filter((r) => r.named)).toHaveLength(10);
    expect(rankUnits(scope(values), { direction: "LOWER_IS_BETTER", bottomN: 0 }).filter((r) => r.named)).toHaveLength(0);
  });

  it("units without data are not counted in the bottom list", () => {
    const rows = rankUnits([u("1", "10"), u("2", "11"), u("3", null)], { direction: "LOWER_IS_BETTER", bottomN: 1 });
    expect(rows.filter((r) => r.named).map((r) => r.unitCode)).toEqual(["2"]);
  });

  it("an exempt unit (all water sections meet Class III and target) is never named by rank", () => {
    const rows = rankUnits([u("1", "90"), u("2", "80", { exemptFromNaming: true }), u("3", "85")], {
      direction: "HIGHER_IS_BETTER",
      bottomN: 1,
    });
    expect(rows.find((r) => r.unitCode === "2")).toMatchObject({ rank: 3, named: false });
  });

  it("a penalty trigger names a unit whatever its rank, even without data", () => {
    const rows = rankUnits([u("1", "10", { penaltyHit: true }), u("2", "11"), u("3", null, { penaltyHit: true })], {
      direction: "LOWER_IS_BETTER",
      bottomN: 0,
    });
    expect(rows.map((r) => [r.unitCode, r.named])).toEqual([
      ["1", true],
      ["2", false],
      ["3", true],
    ]);
  });
});
