/**
 * Bytes of a results file (CSV UTF-8 or XLSX) → a table of cell texts, or one Chinese reason why
 * not. Self-contained (no database, no request), so it can run in a worker thread as it is.
 */
import ExcelJS from "exceljs";
import { parseCsv } from "../../domain/indicator-import";
import type { SectionRowError } from "../../domain/water-sections";
import { sectionText } from "./texts";

export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A spreadsheet cell as the text a person sees; formulas are kept as their formula text, never evaluated. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) {
      // A period typed into Excel becomes a date: read it back as YYYY-MM (Excel dates are UTC midnight).
      return value.toISOString().slice(0, 7);
    }
    if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    return "";
  }
  return String(value);
}

export async function readResultsFile(bytes: Uint8Array): Promise<{ table: string[][] } | { error: SectionRowError }> {
  const fail = (reason: string) => ({ error: { row: 0, column: null, reason } });
  if (bytes.byteLength === 0) return fail(sectionText("fileEmpty", "zh-CN"));
  if (bytes.byteLength > MAX_RESULTS_BYTES) return fail(sectionText("fileTooLarge", "zh-CN", { max: MAX_RESULTS_BYTES >> 20 }));
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      return fail(sectionText("notXlsx", "zh-CN"));
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return fail(sectionText("noSheet", "zh-CN"));
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      table.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText));
    });
    return { table };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(sectionText("notUtf8", "zh-CN"));
  }
  if (text.includes("\u0000")) return fail(sectionText("binary", "zh-CN"));
  return { table: parseCsv(text) };
}
