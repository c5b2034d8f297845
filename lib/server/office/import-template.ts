import "server-only";
import ExcelJS from "exceljs";

/** One sheet of valid codes in a template: what may be written in a column, with its meaning. */
export type CodeSheet = { name: string; header: readonly string[]; rows: readonly (readonly string[])[] };

/**
 * An import template: the first sheet has the parser's own column names as its header row (so a
 * template always parses), one or more example rows, and a note per column; further sheets list the
 * valid codes. Every cell is text, so a spreadsheet program keeps leading zeros and periods as typed.
 */
export type TemplateSpec = {
  sheetName: string;
  columns: readonly string[];
  /** What each column holds, in Chinese (a comment on the header cell and a line of the 说明 sheet). */
  notes: readonly string[];
  examples: readonly (readonly string[])[];
  codeSheets: readonly CodeSheet[];
};

export async function buildImportTemplate(spec: TemplateSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(spec.sheetName);
  sheet.columns = spec.columns.map((c) => ({ key: c, width: Math.max(14, c.length + 4), style: { numFmt: "@" } }));
  const header = sheet.addRow([...spec.columns]);
  header.font = { bold: true };
  spec.columns.forEach((_, i) => {
    const note = spec.notes[i];
    if (note) header.getCell(i + 1).note = note;
  });
  for (const row of spec.examples) sheet.addRow([...row]);
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const help = wb.addWorksheet("说明");
  help.addRow(["列", "说明"]).font = { bold: true };
  spec.columns.forEach((c, i) => {
    help.addRow([c, spec.notes[i] ?? ""]);
  });
  help.addRow([]);
  help.addRow(["", "第一行是列名，不要修改；第 2 行起是示例，请替换为实际数据。任何一行有错误时整个文件都不导入。"]);
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 80;

  for (const cs of spec.codeSheets) {
    const s = wb.addWorksheet(cs.name);
    s.addRow([...cs.header]).font = { bold: true };
    for (const r of cs.rows) s.addRow([...r]);
    cs.header.forEach((_, i) => {
      s.getColumn(i + 1).width = i === 0 ? 16 : 28;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
