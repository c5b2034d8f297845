import { describe, expect, it } from "vitest";
import { type NamingInput, nameUnits, type PrintedList, type ScopeUnit, tiedRanks } from "@/lib/domain/naming";

const unit = (unitCode: string, value: string | null, extra: Partial<ScopeUnit> = {}): ScopeUnit => ({
  unitCode,
  value,
  covered: true,
  ...extra,
});
const codes = (n: number) => Array.from({ length: n }, (_, i) => `32${String(i + 1).padStart(4, "0")}`);

describe("named from a printed worst list", () => {
  // 后10位: places 1–8, then place 9 shared by four units — twelve names printed.
  const listed = codes(12);
  const worst: PrintedList = {
    id: "list-1",
    kind: "WORST",
    size: 10,
    source: "省通报 2026年10月",
    entries: listed.map((unitCode, i) => ({ unitCode, printedRank: i < 8 ? i + 1 : 9 })),
  };
  const units = [...codes(20).map((c) => unit(c, null)), unit("320213", null, { covered: false })];
  const result = nameUnits({ units, worst, direction: "LOWER_IS_BETTER", bottomN: 5 });

  it("names all twelve of a bottom-10 list with a four-way tie at place 9", () => {
    expect(codes(20).filter((c) => result.get(c)?.named === true)).toEqual(listed);
    expect(result.get(listed[10] as string)?.namedBy).toEqual({
      listId: "list-1",
      kind: "WORST",
      basis: "PRINTED_LIST",
      printedRank: 9,
      tied: true,
      size: 10,
      source: "省通报 2026年10月",
    });
    expect(result.get(listed[0] as string)?.namedBy).toMatchObject({ printedRank: 1, tied: false });
  });

  it("a covered unit the list does not name is not named (false); an uncovered one is unknown (null)", () => {
    expect(result.get(codes(20)[15] as string)).toEqual({ named: false, namedBy: null });
    expect(result.get("320213")).toEqual({ named: null, namedBy: null });
  });

  it("the printed list is authoritative: it names an exempt unit and ignores values and bottom N", () => {
    const r = nameUnits({
      units: [unit("1", "99", { exemptFromNaming: true }), unit("2", "1")],
      worst: { id: "w", kind: "WORST", size: 1, source: null, entries: [{ unitCode: "1", printedRank: 1 }] },
      direction: "HIGHER_IS_BETTER",
      bottomN: 0,
    });
    expect([r.get("1")?.named, r.get("2")?.named]).toEqual([true, false]);
  });

  it("a unit printed in any list of the period is covered even if its name is a district's", () => {
    const best: PrintedList = { id: "b", kind: "BEST", size: 1, source: null, entries: [{ unitCode: "320115", printedRank: 1 }] };
    const r = nameUnits({
      units: [unit("320115", null, { covered: false })],
      worst: { id: "w", kind: "WORST", size: 1, source: null, entries: [{ unitCode: "320381", printedRank: 1 }] },
      lists: [best],
      direction: "LOWER_IS_BETTER",
      bottomN: 5,
    });
    expect(r.get("320115")).toEqual({ named: false, namedBy: null });
  });
});

describe("named from a complete province-wide table (no printed list)", () => {
  const base = (values: (string | null)[], extra: Partial<NamingInput> = {}): NamingInput => ({
    units: values.map((v, i) => unit(`u${String(i).padStart(2, "0")}`, v)),
    worst: null,
    direction: "LOWER_IS_BETTER",
    bottomN: 5,
    ...extra,
  });
  const namedCodes = (r: ReturnType<typeof nameUnits>) => [...r].filter(([, n]) => n.named).map(([c]) => c);

  it("names the worst N", () => {
    const r = nameUnits(base(["20", "21", "22", "23", "24", "25", "26", "27", "28", "29"]));
    expect(namedCodes(r)).toEqual(["u05", "u06", "u07", "u08", "u09"]);
    expect(r.get("u09")?.namedBy).toEqual({
      listId: null,
      kind: "WORST",
      basis: "PROVINCE_TABLE",
      printedRank: 1,
      tied: false,
      size: 5,
      source: null,
    });
    expect(r.get("u00")).toEqual({ named: false, namedBy: null });
  });

  it("a tie across the boundary names every tied unit", () => {
    // 24 is shared by u04, u05, u06: four units are strictly worse than them, so all three are among the worst five.
    const r = nameUnits(base(["20", "21", "22", "23", "24", "24", "24", "27", "28", "29", "30"]));
    expect(namedCodes(r)).toEqual(["u04", "u05", "u06", "u07", "u08", "u09", "u10"]);
    expect(r.get("u05")?.namedBy).toMatchObject({ printedRank: 5, tied: true });
  });

  it("higher-is-better indicators name the lowest values", () => {
    const r = nameUnits(base(["90.1", "80.0", "85.5"], { direction: "HIGHER_IS_BETTER", bottomN: 1 }));
    expect(namedCodes(r)).toEqual(["u01"]);
  });

  it("an exempt unit (all water sections meet Class III and their targets) is not named from the table", () => {
    const units = [unit("a", "90"), unit("b", "80", { exemptFromNaming: true }), unit("c", "85")];
    const r = nameUnits({ units, worst: null, direction: "HIGHER_IS_BETTER", bottomN: 1 });
    expect([r.get("a")?.named, r.get("b")?.named, r.get("c")?.named]).toEqual([false, false, false]);
  });

  it("an incomplete table names nobody: unknown (null) for every unit", () => {
    const r = nameUnits(base(["20", "21", null, "23", "24", "25"]));
    expect([...r.values()].every((n) => n.named === null && n.namedBy === null)).toBe(true);
  });

  it("uncovered units neither count towards completeness nor get a verdict", () => {
    const units = [unit("a", "20"), unit("b", "30"), unit("z", null, { covered: false }), unit("y", "99", { covered: false })];
    const r = nameUnits({ units, worst: null, direction: "LOWER_IS_BETTER", bottomN: 1 });
    expect([r.get("a")?.named, r.get("b")?.named, r.get("z")?.named, r.get("y")?.named]).toEqual([false, true, null, null]);
  });

  it("bottom N of 0, or no covered unit, names nobody", () => {
    expect([...nameUnits(base(["20", "21"], { bottomN: 0 })).values()].map((n) => n.named)).toEqual([null, null]);
    const none = nameUnits({
      units: [unit("a", "1", { covered: false })],
      worst: null,
      direction: "LOWER_IS_BETTER",
      bottomN: 5,
    });
    expect(none.get("a")?.named).toBeNull();
  });
});

describe("unknown when absent", () => {
  it("no list and no values: every unit is unknown", () => {
    const r = nameUnits({ units: [unit("a", null), unit("b", null)], worst: null, direction: "LOWER_IS_BETTER", bottomN: 5 });
    expect([...r.values()]).toEqual([
      { named: null, namedBy: null },
      { named: null, namedBy: null },
    ]);
  });

  it("a best list alone does not make anyone named or not named when values are missing", () => {
    const best: PrintedList = { id: "b", kind: "BEST", size: 1, source: null, entries: [{ unitCode: "a", printedRank: 1 }] };
    const r = nameUnits({
      units: [unit("a", null), unit("b", null)],
      worst: null,
      lists: [best],
      direction: "LOWER_IS_BETTER",
      bottomN: 5,
    });
    expect(r.get("a")?.named).toBeNull();
  });
});

// Stryker: equivalent — `scope.length > 0 && …` made `>= 0` or `true` survives: with no covered unit
// the table is "complete" but every unit is uncovered and so unknown (null) all the same (pinned by
// "bottom N of 0, or no covered unit, names nobody").
describe("ties and boundaries", () => {
  it("tiedRanks lists the printed ranks shared by two or more entries", () => {
    const ranks = (list: number[]) => [...tiedRanks(list.map((printedRank) => ({ printedRank })))].sort((a, b) => a - b);
    expect(ranks([1, 2, 3])).toEqual([]);
    expect(ranks([1, 2, 2, 4, 5, 5, 5])).toEqual([2, 5]);
    expect(ranks([])).toEqual([]);
  });

  it("from a table: the worst unit's rank is 1, the N-th worst's rank is N, the next one is not named", () => {
    const units = ["10", "20", "30", "40"].map((v, i) => unit(`u${i}`, v));
    const r = nameUnits({ units, worst: null, direction: "LOWER_IS_BETTER", bottomN: 2 });
    expect([...r].map(([c, n]) => [c, n.named, n.namedBy?.printedRank ?? null, n.namedBy?.tied ?? null])).toEqual([
      ["u0", false, null, null],
      ["u1", false, null, null],
      ["u2", true, 2, false],
      ["u3", true, 1, false],
    ]);
  });

  it("from a table: a bottom N larger than the scope names every covered unit", () => {
    const units = [unit("a", "1"), unit("b", "1"), unit("c", "2")];
    const r = nameUnits({ units, worst: null, direction: "HIGHER_IS_BETTER", bottomN: 10 });
    expect([...r.values()].map((n) => [n.named, n.namedBy?.printedRank, n.namedBy?.tied])).toEqual([
      [true, 1, true],
      [true, 1, true],
      [true, 3, false],
    ]);
  });

  it("from a table: a unit covered only because a printed best list names it counts towards the table", () => {
    const best: PrintedList = { id: "b", kind: "BEST", size: 1, source: null, entries: [{ unitCode: "x", printedRank: 1 }] };
    const units = [unit("a", "10"), unit("x", "50", { covered: false })];
    const r = nameUnits({ units, worst: null, lists: [best], direction: "LOWER_IS_BETTER", bottomN: 1 });
    expect([r.get("a")?.named, r.get("x")?.named]).toEqual([false, true]);
    const incomplete = nameUnits({
      units: [unit("a", "10"), unit("x", null, { covered: false })],
      worst: null,
      lists: [best],
      direction: "LOWER_IS_BETTER",
      bottomN: 1,
    });
    expect(incomplete.get("a")?.named).toBeNull();
  });

  it("a printed list's entry shares its rank only within that list", () => {
    const worst: PrintedList = {
      id: "w",
      kind: "WORST",
      size: 3,
      source: "s",
      entries: [
        { unitCode: "a", printedRank: 1 },
        { unitCode: "b", printedRank: 2 },
        { unitCode: "c", printedRank: 2 },
      ],
    };
    const r = nameUnits({
      units: [unit("a", null), unit("b", null), unit("c", null)],
      worst,
      direction: "LOWER_IS_BETTER",
      bottomN: 3,
    });
    expect([...r.values()].map((n) => [n.namedBy?.printedRank, n.namedBy?.tied])).toEqual([
      [1, false],
      [2, true],
      [2, true],
    ]);
  });
});
