import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { formatCalendarDate } from "../../domain/calendar";
import { csvField, escapeFormulaText } from "../../domain/office-text";

/**
 * Any list of the app as a spreadsheet download, streamed: the rows come in pages (keyset pages
 * or a cursor, never the whole list in memory), each page is written and flushed before the next
 * is read, so 100 000 rows take the memory of one page. XLSX through ExcelJS's streaming writer
 * (styled header, frozen and filtered, column widths, real dates), or CSV in UTF-8 with a BOM
 * so Excel opens Chinese text correctly. Every text cell is escaped against formula injection.
 */
export type CellValue = string | number | Date | null | undefined;

export type ExportColumn<T> = {
  header: string;
  /** Width in characters (a Chinese character counts about 2). */
  width: number;
  /** "date": a calendar day (Date at UTC midnight); "percent": an integer 0–100 shown with %. */
  kind?: "text" | "date" | "int" | "percent";
  value: (row: T, index: number) => CellValue;
};

export type ExportFormat = "xlsx" | "csv";

export type TableExport<T> = {
  format: ExportFormat;
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  /** Pages of rows, in order; the writer pulls the next page only after the last one is flushed. */
  pages: AsyncIterable<readonly T[]>;
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };

function textOf(v: CellValue, kind: ExportColumn<unknown>["kind"]): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatCalendarDate(v);
  if (typeof v === "number") return kind === "percent" ? `${v}%` : String(v);
  return escapeFormulaText(v);
}

function xlsxCell(v: CellValue, kind: ExportColumn<unknown>["kind"]): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return v;
  if (typeof v === "number") return kind === "percent" ? v / 100 : v;
  return escapeFormulaText(v);
}

async function flushed(out: PassThrough): Promise<void> {
  if (out.writableNeedDrain) await once(out, "drain");
}

/**
 * ExcelJS's sheet stream never pushes back: it hands every committed row to the zip's deflate
 * stream at once, which would hold the whole sheet's XML when rows come faster than they are
 * compressed. Waiting for that stream to drain after each page keeps the memory to a page.
 */
async function zipCaughtUp(sheet: unknown): Promise<void> {
  // The sheet stream's one destination: a (readable-stream) PassThrough the zip reads the entry from.
  const target = (sheet as { stream?: { pipes?: (NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } })[] } }).stream
    ?.pipes?.[0];
  if (target?._writableState?.needDrain) await once(target, "drain");
}

async function writeCsv<T>(spec: TableExport<T>, out: PassThrough): Promise<void> {
  out.write("\uFEFF");
  out.write(`${spec.columns.map((c) => csvField(escapeFormulaText(c.header))).join(",")}\r\n`);
  let index = 0;
  for await (const page of spec.pages) {
    let chunk = "";
    for (const row of page) {
      chunk += `${spec.columns.map((c) => csvField(textOf(c.value(row, index), c.kind))).join(",")}\r\n`;
      index++;
    }
    if (!out.write(chunk)) await flushed(out);
  }
  out.end();
}

async function writeXlsx<T>(spec: TableExport<T>, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.sheetName.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
  });
  // One style object per column, shared by all its cells: ExcelJS registers a style once per
  // object, so a fresh copy per cell (its default) would be serialized and hashed 2 million times.
  const styles: Partial<ExcelJS.Style>[] = spec.columns.map((c) => ({
    ...(c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : c.kind === "percent" ? { numFmt: "0%" } : {}),
    alignment: { vertical: "top", wrapText: c.kind === undefined || c.kind === "text" },
  }));
  sheet.columns = spec.columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width, style: styles[i] }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  const header = sheet.getRow(1);
  header.height = 28;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" }, name: "宋体", size: 11 };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = { bottom: { style: "thin", color: { argb: "FF999999" } } };
  });
  header.commit();
  let index = 0;
  for await (const page of spec.pages) {
    for (const row of page) {
      const added = sheet.addRow(spec.columns.map((c) => xlsxCell(c.value(row, index), c.kind)));
      added.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.style = styles[col - 1] as ExcelJS.Style;
      });
      added.commit();
      index++;
    }
    await zipCaughtUp(sheet);
    await flushed(out);
  }
  sheet.commit();
  await workbook.commit();
}

/** The file as a web stream, for a `Response` body or a file. */
export function streamTable<T>(spec: TableExport<T>): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const write = spec.format === "csv" ? writeCsv(spec, out) : writeXlsx(spec, out);
  write.catch((e: unknown) => {
    // The download has begun: the only honest answer left is to break it off (the client sees a failed download).
    console.error("table export failed", e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

/** `Content-Disposition` for a file name with Chinese characters (RFC 6266 / 5987), plus an ASCII fallback. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A streamed download response. */
export function tableResponse<T>(spec: TableExport<T>, fileName: string, asciiName: string): Response {
  return new Response(streamTable(spec), {
    headers: {
      "Content-Type": CONTENT_TYPES[spec.format],
      "Content-Disposition": attachmentHeader(`${fileName}.${spec.format}`, `${asciiName}.${spec.format}`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
