import { describe, expect, it } from "vitest";
import { detectHeader, fieldForHeader } from "@/lib/domain/ledger-columns";
import { bandForDeadline, excelSerialToDate, parseLedgerDeadline } from "@/lib/domain/ledger-dates";
import {
  csvField,
  escapeFormulaText,
  formatMeasuresText,
  parseCsv,
  parseMeasuresText,
  unescapeFormulaText,
} from "@/lib/domain/office-text";

describe("formula injection", () => {
  it.each(["=1+1", "+86 510", "-30%", "@SUM(A1)", "\tx", "\rx"])("%j is written as text and read back unchanged", (t) => {
    expect(escapeFormulaText(t)).toBe(`'${t}`);
    expect(unescapeFormulaText(escapeFormulaText(t))).toBe(t);
  });
  it("leaves ordinary text and a lone apostrophe alone", () => {
    expect(escapeFormulaText("河道黑臭")).toBe("河道黑臭");
    expect(unescapeFormulaText("'河道")).toBe("'河道");
  });
  it("CSV fields round-trip through the parser with quotes, commas and line breaks", () => {
    const rows = [
      ["a,b", 'say "hi"', "line1\nline2"],
      ["", "x"],
    ];
    const text = `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe("ledger deadlines as offices write them", () => {
  it.each([
    ["2021年12月底", "2021-12-31"],
    ["2022年6月", "2022-06-30"],
    ["2024年2月", "2024-02-29"],
    ["2022年6月15日", "2022-06-15"],
    ["2022/6/5", "2022-06-05"],
    ["2022.06.05", "2022-06-05"],
    ["2023年底", "2023-12-31"],
    ["2022年6月底前", "2022-06-30"],
    ["44561", "2021-12-31"],
  ])("%s → %s", (text, date) => {
    expect(parseLedgerDeadline(text)).toEqual({ kind: "date", date });
  });
  it.each(["长期坚持", "长期", "持续推进"])("%s is an ongoing problem", (t) => {
    expect(parseLedgerDeadline(t)).toEqual({ kind: "ongoing" });
  });
  it.each(["明年春天", "2022年13月", "2022-02-30", "1905-01-01", "2022"])("%s is refused", (t) => {
    expect(parseLedgerDeadline(t).kind).toBe("invalid");
  });
  it("empty is empty; serials follow Excel's 1900 system", () => {
    expect(parseLedgerDeadline("  ").kind).toBe("empty");
    expect(excelSerialToDate(1)).toBe("1899-12-31");
    expect(excelSerialToDate(45658)).toBe("2025-01-01");
  });
  it("bands from the time left", () => {
    expect(bandForDeadline("2026-12-20", "2026-12-03")).toBe("IMMEDIATE");
    expect(bandForDeadline("2027-10-01", "2026-12-03")).toBe("SHORT");
    expect(bandForDeadline("2028-12-31", "2026-12-03")).toBe("MID");
    expect(bandForDeadline("2031-12-31", "2026-12-03")).toBe("LONG");
  });
});

describe("measures in one cell", () => {
  it("numbered lines round-trip", () => {
    const m = ["排查渗漏点", "修复管段"];
    expect(parseMeasuresText(formatMeasuresText(m))).toEqual(m);
  });
  it.each([
    ["1、安装收集设施\n2、更换活性炭", ["安装收集设施", "更换活性炭"]],
    ["（1）清理垃圾（2）建立长效保洁", ["清理垃圾", "建立长效保洁"]],
    ["①清淤；②截污", ["清淤", "截污"]],
    ["清理河道垃圾", ["清理河道垃圾"]],
    ["", []],
  ])("%j", (text, expected) => {
    expect(parseMeasuresText(text)).toEqual(expected);
  });
});

describe("header detection", () => {
  it("maps the usual synonyms", () => {
    expect(fieldForHeader("问题内容")).toBe("description");
    expect(fieldForHeader("具体问题")).toBe("description");
    expect(fieldForHeader("完成时限")).toBe("deadline");
    expect(fieldForHeader("整改期限（年月）")).toBe("deadline");
    expect(fieldForHeader("责任单位")).toBe("leadUnit");
    expect(fieldForHeader(" 牵头\n单位 ")).toBe("leadUnit");
    expect(fieldForHeader("督办等级（颜色）")).toBe("colour");
    expect(fieldForHeader("填报单位：督察办")).toBeNull();
  });
  it("skips a merged title row and joins a two-row header", () => {
    const title = Array(6).fill("某市突出生态环境问题整改台账");
    const top = ["问题编号", "问题基本情况", "问题基本情况", "整改情况", "整改情况", "备注"];
    const bottom = ["问题编号", "具体问题", "属地", "整改措施", "完成时限", "备注"];
    const data = ["WX-1", "某河道黑臭，群众反映强烈，要求尽快整治到位并建立长效机制。", "江阴市", "清淤", "2022年6月", ""];
    const layout = detectHeader([title, top, bottom, data]);
    expect(layout).toMatchObject({ headerRow: 2, headerRows: 2 });
    expect(layout?.mapping).toEqual(["code", "description", "district", "measures", "deadline", "note"]);
    expect(layout?.headers[1]).toBe("问题基本情况/具体问题");
  });
  it("finds nothing in a sheet without a ledger header", () => {
    expect(
      detectHeader([
        ["姓名", "年龄"],
        ["张三", "30"],
      ]),
    ).toBeNull();
  });
});
