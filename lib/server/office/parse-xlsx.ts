import "server-only";
import { Worker } from "node:worker_threads";
import { applyDateColumns, type DateCell, type DateKind } from "../../domain/sheet-dates";
import { checkZipLimits, readZipDirectory, type ZipLimits, ZipRefused } from "./zip-directory";

/**
 * Parsing spreadsheets off the request loop. An XLSX file is a ZIP archive: its central directory
 * is checked first (entries, declared unpacked size) on the calling thread, cheaply; then a
 * `worker_threads` worker inflates every entry counting the bytes it really produces (a directory
 * that lies is caught), and only then hands the archive to ExcelJS, stopping at `maxRows` rows.
 * The worker has its own heap limit and a timeout, so one large import never stalls other
 * requests. Used by the indicator import; meant for every spreadsheet import.
 */
export type XlsxLimits = ZipLimits & {
  /** Most rows read from the sheet (header included); more → refused. */
  maxRows: number;
  /** The worker is stopped after this long. */
  timeoutMs: number;
  /** Heap of the worker, in MB. */
  maxHeapMb: number;
};

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 500,
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRows: 100_001,
  timeoutMs: 60_000,
  maxHeapMb: 768,
};

export type XlsxRefusal = ZipRefused["reason"] | "too-many-rows" | "unreadable" | "no-sheet" | "timeout";

export class XlsxRefused extends Error {
  constructor(
    readonly reason: XlsxRefusal,
    message: string,
  ) {
    super(message);
    this.name = "XlsxRefused";
  }
}

/**
 * `rowNumbers[i]` is the sheet row (1-based) of `rows[i]`; empty rows are skipped. Every cell of a
 * merged range reads as its top-left cell's text (a merged title or group header repeats across
 * its cells); `merges` lists the ranges ("A1:T1") for callers that need to know which they were.
 */
export type ParsedSheet = { sheetName: string; rows: string[][]; rowNumbers: number[]; merges: string[] };

// Plain CommonJS run by the worker (`eval`), so no bundler rewrites its `require`s.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
function refuse(reason, message) { const e = new Error(message); e.reason = reason; throw e; }
let dateChars = 7;
let dateCells = [];
function cellText(value, row, col) {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return "";
      dateCells.push({ row, col, iso: value.toISOString() });
      return value.toISOString().slice(0, dateChars);
    }
    if (typeof value.formula === "string") return "=" + value.formula;
    if (typeof value.sharedFormula === "string") return "=" + value.sharedFormula;
    if (Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if (typeof value.text === "string") return value.text;
    if (value.error !== undefined) return String(value.error);
    return "";
  }
  return String(value);
}
(async () => {
  const { bytes, entries, limits, sheetIndex } = workerData;
  dateChars = workerData.dates === "day" ? 10 : 7;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = limits.maxUnpackedBytes;
  for (const e of entries) {
    const lh = e.localHeaderOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) refuse("directory-mismatch", "the archive is damaged");
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    let size = 0;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
      } catch (err) {
        if (err instanceof RangeError || (err && err.code === "ERR_BUFFER_TOO_LARGE")) refuse("too-large-unpacked", "the archive unpacks to more than " + limits.maxUnpackedBytes + " bytes");
        refuse("unreadable", "the archive is damaged");
      }
    } else refuse("unreadable", "unsupported compression in the archive");
    if (size !== e.uncompressedSize) refuse("directory-mismatch", "the archive's directory does not match its contents");
    budget -= size;
    if (budget < 0) refuse("too-large-unpacked", "the archive unpacks to more than " + limits.maxUnpackedBytes + " bytes");
  }
  const ExcelJS = require("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf);
  } catch {
    refuse("unreadable", "not a readable XLSX workbook");
  }
  const sheet = workbook.worksheets[sheetIndex];
  if (!sheet) refuse("no-sheet", "the workbook has no sheet");
  if (sheet.actualRowCount > limits.maxRows) refuse("too-many-rows", "more than " + limits.maxRows + " rows");
  const rows = [];
  const rowNumbers = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const at = rows.length;
    rows.push(Array.from(row.values.slice(1), (v, col) => cellText(v, at, col))); // holes (empty cells) → ""
    rowNumbers.push(n);
  });
  if (rows.length > limits.maxRows) refuse("too-many-rows", "more than " + limits.maxRows + " rows");
  const merges = Object.values(sheet._merges || {}).map((m) => m.range);
  const date1904 = !!(workbook.properties && workbook.properties.date1904);
  parentPort.postMessage({ ok: true, sheetName: sheet.name, rows, rowNumbers, merges, dateCells, date1904 });
})().catch((e) => parentPort.postMessage({ ok: false, reason: e.reason || "unreadable", message: e.reason ? e.message : "not a readable XLSX workbook" }));
`;

type WorkerAnswer =
  | {
      ok: true;
      sheetName: string;
      rows: string[][];
      rowNumbers: number[];
      merges: string[];
      dateCells: DateCell[];
      date1904: boolean;
    }
  | { ok: false; reason: XlsxRefusal; message: string };

/**
 * Reads one sheet (the first by default) of an XLSX file as text cells, within `limits`; throws
 * `XlsxRefused`. Date cells read as "YYYY-MM" (indicator months) or, with `dates: "day"`,
 * "YYYY-MM-DD". `dateColumns` (header text → kind) sets the kind per column: there date cells,
 * date serials and typed dates all read as that kind's text, times included for `datetime`
 * (see `lib/domain/sheet-dates.ts`; wall-clock Beijing time, never shifted).
 */
export async function parseXlsxInWorker(
  bytes: Uint8Array,
  limits: Partial<XlsxLimits> = {},
  opts: { sheetIndex?: number; dates?: "month" | "day"; dateColumns?: Readonly<Record<string, DateKind>> } = {},
): Promise<ParsedSheet> {
  const l = { ...DEFAULT_XLSX_LIMITS, ...limits };
  let entries: ReturnType<typeof readZipDirectory>;
  try {
    entries = readZipDirectory(bytes);
    checkZipLimits(entries, l);
  } catch (e) {
    if (e instanceof ZipRefused) {
      const damaged = e.reason === "not-zip" || e.reason === "directory-mismatch";
      throw new XlsxRefused(damaged ? "unreadable" : e.reason, damaged ? "not a readable XLSX workbook" : e.message);
    }
    throw e;
  }
  const copy = new Uint8Array(bytes);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      bytes: copy,
      entries,
      limits: { maxUnpackedBytes: l.maxUnpackedBytes, maxRows: l.maxRows },
      sheetIndex: opts.sheetIndex ?? 0,
      dates: opts.dates ?? "month",
    },
    transferList: [copy.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: l.maxHeapMb },
  });
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new XlsxRefused("timeout", `reading the workbook took longer than ${l.timeoutMs} ms`)),
        l.timeoutMs,
      );
      worker.once("message", (m: WorkerAnswer) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once("error", (e) => {
        clearTimeout(timer);
        reject(
          (e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new XlsxRefused("too-large-unpacked", "the workbook needs more memory than allowed")
            : e,
        );
      });
      worker.once("exit", (code) => {
        clearTimeout(timer);
        if (code !== 0) reject(new XlsxRefused("unreadable", "not a readable XLSX workbook"));
      });
    });
    if (!answer.ok) throw new XlsxRefused(answer.reason, answer.message);
    if (opts.dateColumns) applyDateColumns(answer.rows, answer.dateCells, opts.dateColumns, { date1904: answer.date1904 });
    return { sheetName: answer.sheetName, rows: answer.rows, rowNumbers: answer.rowNumbers, merges: answer.merges };
  } finally {
    await worker.terminate();
  }
}
