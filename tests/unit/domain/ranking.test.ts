import { describe, expect, it } from "vitest";
import { compareValues, isValidDecimal, type RankInput, rankUnits } from "@/lib/domain/ranking";

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
    expect(rows[1]).toMatchObject({ topThree: false, aboveProvincialAverage: null, named: null, namedBy: null });
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

  it("naming is carried through as given, and unknown (null) when not given — never from the scope's own ranks", () => {
    const values = ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32"];
    expect(rankUnits(scope(values), { direction: "LOWER_IS_BETTER" }).map((r) => r.named)).toEqual(values.map(() => null));
    const namedBy = {
      listId: "l1",
      kind: "WORST" as const,
      basis: "PRINTED_LIST" as const,
      printedRank: 9,
      tied: true,
      size: 10,
      source: "苏环办〔2026〕1号",
    };
    const rows = rankUnits(
      [u("1", "10", { naming: { named: true, namedBy } }), u("2", null, { naming: { named: false, namedBy: null } })],
      {
        direction: "LOWER_IS_BETTER",
      },
    );
    expect(rows.map((r) => [r.unitCode, r.named, r.namedBy])).toEqual([
      ["1", true, namedBy],
      ["2", false, null],
    ]);
  });
});

describe("versus the provincial average, direction-aware", () => {
  it.each([
    ["LOWER_IS_BETTER", "29", "30", "BETTER", true],
    ["LOWER_IS_BETTER", "30.0", "30", "EQUAL", false],
    ["LOWER_IS_BETTER", "31", "30", "WORSE", false],
    ["HIGHER_IS_BETTER", "85.2", "85.1", "BETTER", true],
    ["HIGHER_IS_BETTER", "85.1", "85.10", "EQUAL", false],
    ["HIGHER_IS_BETTER", "85.0", "85.1", "WORSE", false],
  ] as const)("%s: %s against %s is %s", (direction, value, average, versus, above) => {
    const [row] = rankUnits([u("1", value)], { direction, provincialAverage: average });
    expect(row).toMatchObject({ versusProvincialAverage: versus, aboveProvincialAverage: above });
  });

  it("a low PM2.5 (26 against 31) is better, not 'below'; a low good-air ratio is worse", () => {
    expect(rankUnits([u("1", "26")], { direction: "LOWER_IS_BETTER", provincialAverage: "31" })[0]?.versusProvincialAverage).toBe(
      "BETTER",
    );
    expect(
      rankUnits([u("1", "70.0")], { direction: "HIGHER_IS_BETTER", provincialAverage: "80.0" })[0]?.versusProvincialAverage,
    ).toBe("WORSE");
  });

  it("unknown without an average or without a value", () => {
    const rows = rankUnits([u("1", "26"), u("2", null)], { direction: "LOWER_IS_BETTER" });
    expect(rows.map((r) => r.versusProvincialAverage)).toEqual([null, null]);
    const withAverage = rankUnits([u("2", null)], { direction: "LOWER_IS_BETTER", provincialAverage: "30" });
    expect(withAverage[0]?.versusProvincialAverage).toBeNull();
  });
});

describe("published values and their errors", () => {
  it.each([
    ["32", true],
    ["31.5", true],
    ["-0.8", true],
    ["0", true],
    ["1e3", false],
    ["1.", false],
    [".5", false],
    ["", false],
    ["3 2", false],
  ] as const)("isValidDecimal(%j) is %s", (text, valid) => {
    expect(isValidDecimal(text)).toBe(valid);
  });

  it("says which value is not a decimal and which unit is listed twice", () => {
    expect(() => compareValues("1", "abc", "LOWER_IS_BETTER")).toThrow("not a decimal value: abc");
    expect(() => rankUnits([u("1", "n/a")], { direction: "LOWER_IS_BETTER" })).toThrow("not a decimal value: n/a");
    expect(() => rankUnits([u("7", "3"), u("7", "4")], { direction: "LOWER_IS_BETTER" })).toThrow("unit listed twice: 7");
  });

  it("checks every value before ranking, a unit without data included", () => {
    expect(rankUnits([u("1", null)], { direction: "LOWER_IS_BETTER" })).toHaveLength(1);
    expect(() => rankUnits([u("1", "3"), u("2", "x")], { direction: "LOWER_IS_BETTER", provincialAverage: "3" })).toThrow(
      "not a decimal value: x",
    );
  });

  it("compares values of different lengths and signs exactly", () => {
    expect(compareValues("-10", "-9.5", "LOWER_IS_BETTER")).toBe(-1);
    expect(compareValues("-0.05", "-0.5", "HIGHER_IS_BETTER")).toBe(-1);
    expect(compareValues("100", "99.99", "LOWER_IS_BETTER")).toBe(1);
    expect(compareValues("-0", "0", "LOWER_IS_BETTER")).toBe(0);
  });

  it("tied units after the first keep the first's rank, and units after a tie resume at their place", () => {
    const rows = rankUnits([u("a", "1"), u("b", "2"), u("c", "2"), u("d", "2"), u("e", "3")], { direction: "LOWER_IS_BETTER" });
    expect(summary(rows)).toEqual([
      ["a", 1, false],
      ["b", 2, true],
      ["c", 2, true],
      ["d", 2, true],
      ["e", 5, false],
    ]);
  });

  it("units without data keep their naming", () => {
    const namedBy = {
      listId: "l",
      kind: "WORST" as const,
      basis: "PRINTED_LIST" as const,
      printedRank: 1,
      tied: false,
      size: 10,
      source: null,
    };
    const [row] = rankUnits([u("1", null, { naming: { named: true, namedBy } })], { direction: "LOWER_IS_BETTER" });
    expect(row).toEqual({
      unitCode: "1",
      unitName: "U1",
      value: null,
      rank: null,
      tied: false,
      aboveProvincialAverage: null,
      versusProvincialAverage: null,
      topThree: false,
      named: true,
      namedBy,
    });
  });

  it("a ranked unit's row in full", () => {
    const [row] = rankUnits([u("1", "28")], { direction: "LOWER_IS_BETTER", provincialAverage: "30" });
    expect(row).toEqual({
      unitCode: "1",
      unitName: "U1",
      value: "28",
      rank: 1,
      tied: false,
      aboveProvincialAverage: true,
      versusProvincialAverage: "BETTER",
      topThree: true,
      named: null,
      namedBy: null,
    });
  });
});

// Stryker: equivalent — in `byCode`, `a.unitCode < b.unitCode` made `<=` survives: unit codes are
// unique (a repeated code is refused before sorting, and sort never compares an element with
// itself), so the two never differ. The test below shows the order holds at a hundred units.
// Stryker: equivalent — in `compareValues`, `x < y` made `x <= y` survives: equal values have
// already returned 0 the line before.
describe("code order at scale", () => {
  it("a hundred units, tied and without data, given in scrambled order, come out in code order", () => {
    const codes = Array.from({ length: 100 }, (_, i) => `u${String(i).padStart(3, "0")}`);
    const scrambled = codes.map((_, i) => codes[(i * 37) % 100] as string);
    const rows = rankUnits(
      scrambled.map((c, i) => u(c, i % 3 === 0 ? null : "5")),
      { direction: "LOWER_IS_BETTER" },
    );
    const ranked = rows.filter((r) => r.rank !== null).map((r) => r.unitCode);
    const unranked = rows.filter((r) => r.rank === null).map((r) => r.unitCode);
    expect(ranked).toEqual([...ranked].sort());
    expect(unranked).toEqual([...unranked].sort());
    expect(ranked.length + unranked.length).toBe(100);
  });
});
