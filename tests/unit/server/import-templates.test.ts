import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMN_NOTES, IMPORT_COLUMNS, IMPORT_EXAMPLE, validateImportTable } from "@/lib/domain/indicator-import";
import { SECTION_COLUMN_NOTES, SECTION_IMPORT_COLUMNS, validateSectionTable } from "@/lib/domain/water-sections";
import { buildImportTemplate } from "@/lib/server/office/import-template";

async function sheets(bytes: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
    });
    out.set(ws.name, rows);
  });
  return out;
}

describe("import templates", () => {
  it("the indicator template's header is the parser's columns, and its example row passes the parser", async () => {
    const bytes = await buildImportTemplate({
      sheetName: "指标数据",
      columns: IMPORT_COLUMNS,
      notes: IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_NOTES[c]),
      examples: [IMPORT_COLUMNS.map((c) => IMPORT_EXAMPLE[c])],
      codeSheets: [{ name: "指标代码", header: ["indicator", "名称"], rows: [["PM25", "PM2.5 浓度"]] }],
    });
    const all = await sheets(bytes);
    const data = all.get("指标数据") ?? [];
    expect(data[0]).toEqual([...IMPORT_COLUMNS]);
    expect(validateImportTable(data)).toMatchObject({ errors: [], rows: [{ unitCode: "320200", indicator: "PM25" }] });
    expect(all.get("说明")?.map((r) => r[0])).toEqual(expect.arrayContaining([...IMPORT_COLUMNS]));
    expect(all.get("指标代码")).toEqual([
      ["indicator", "名称"],
      ["PM25", "PM2.5 浓度"],
    ]);
  });

  it("the section template's header is the parser's columns, and its example rows pass the parser", async () => {
    const bytes = await buildImportTemplate({
      sheetName: "断面监测结果",
      columns: SECTION_IMPORT_COLUMNS,
      notes: SECTION_IMPORT_COLUMNS.map((c) => SECTION_COLUMN_NOTES[c]),
      examples: [
        ["WX-01", "2026-03", "Ⅲ", ""],
        ["WX-02", "2026-03", "劣Ⅴ", "总磷"],
      ],
      codeSheets: [],
    });
    const data = (await sheets(bytes)).get("断面监测结果") ?? [];
    expect(data[0]).toEqual([...SECTION_IMPORT_COLUMNS]);
    const r = validateSectionTable(data, new Set(["WX-01", "WX-02"]), { maxYear: 2100 });
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.waterClass)).toEqual([3, 6]);
  });

  it("keeps codes and periods as text (no number or date conversion by a spreadsheet program)", async () => {
    const bytes = await buildImportTemplate({
      sheetName: "s",
      columns: ["unit_code", "period"],
      notes: [],
      examples: [["320200", "2026-03"]],
      codeSheets: [],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = wb.getWorksheet("s")?.getRow(2).getCell(1);
    expect(cell?.value).toBe("320200");
    expect(cell?.numFmt).toBe("@");
  });
});
