import "server-only";
/**
 * Bytes of a results file (CSV UTF-8 or XLSX) → a table of cell texts, or one Chinese reason why
 * not. XLSX is read in a worker thread within limits (entries, unpacked size, rows).
 */
import { parseCsv } from "../../domain/indicator-import";
import { MAX_SECTION_IMPORT_ROWS, type SectionRowError } from "../../domain/water-sections";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";
import { sectionText } from "./texts";

export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readResultsFile(bytes: Uint8Array): Promise<{ table: string[][] } | { error: SectionRowError }> {
  const fail = (reason: string) => ({ error: { row: 0, column: null, reason } });
  if (bytes.byteLength === 0) return fail(sectionText("fileEmpty", "zh-CN"));
  if (bytes.byteLength > MAX_RESULTS_BYTES) return fail(sectionText("fileTooLarge", "zh-CN", { max: MAX_RESULTS_BYTES >> 20 }));
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) {
    // Off the request loop, with limits on entries, unpacked size and rows (lib/server/office).
    try {
      return { table: (await parseXlsxInWorker(bytes, { maxRows: MAX_SECTION_IMPORT_ROWS + 1 })).rows };
    } catch (e) {
      if (!(e instanceof XlsxRefused)) throw e;
      if (e.reason === "unreadable") return fail(sectionText("notXlsx", "zh-CN"));
      if (e.reason === "no-sheet") return fail(sectionText("noSheet", "zh-CN"));
      return fail(`${sectionText("notXlsx", "zh-CN")}（${e.message}）`);
    }
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
