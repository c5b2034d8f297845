import "server-only";
import type { NextRequest } from "next/server";
import { readBodyBytes } from "../../api/handler";
import { db } from "../../db";
import { formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { parseCsv } from "../../domain/indicator-import";
import { applyDateColumns, type DateKind, headerKey } from "../../domain/sheet-dates";
import { BadRequest, Invalid, isAppError } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type ImportResult, type ReadingInput, readingInputSchema } from "../../schemas/taihu";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";
import { fieldText } from "../self-reviews/texts";
import { mayRecordAt, writeReading } from "./save-readings";

export const MAX_READINGS_BYTES = 5 * 1024 * 1024;
export const MAX_READING_ROWS = 20_000;
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Header texts (Chinese or the API's field names) → field. */
const COLUMNS: Record<string, keyof ReadingInput> = {
  点位编号: "pointCode",
  pointcode: "pointCode",
  日期: "day",
  day: "day",
  藻密度: "algaeDensity",
  "藻密度(万个/l)": "algaeDensity",
  "藻密度（万个/l）": "algaeDensity",
  algaedensity: "algaeDensity",
  水华面积: "bloomArea",
  "水华面积(km²)": "bloomArea",
  "水华面积（km²）": "bloomArea",
  bloomarea: "bloomArea",
  湖泛: "blackBloom",
  blackbloom: "blackBloom",
  湖泛面积: "blackBloomArea",
  "湖泛面积(km²)": "blackBloomArea",
  "湖泛面积（km²）": "blackBloomArea",
  blackbloomarea: "blackBloomArea",
  水源地状态: "sourceStatus",
  sourcestatus: "sourceStatus",
  备注: "note",
  note: "note",
};

/** The date column, read as a full day however it was typed (date cell, serial, 2026/7/15, 2026年7月15日). */
const DATE_COLUMNS: Record<string, DateKind> = { 日期: "day", day: "day" };

/** The one `file` of a multipart upload, read within the byte limit after the right to record is checked. */
export async function readReadingsUpload(req: NextRequest, actor: Actor): Promise<Uint8Array> {
  authorize(actor, "taihu.record");
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) throw new BadRequest("请以 multipart/form-data 方式在 file 字段上传文件");
  const bytes = await readBodyBytes(req, MAX_READINGS_BYTES + 64 * 1024);
  const form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { "content-type": req.headers.get("content-type") ?? "" },
  })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new BadRequest("请在 file 字段上传文件", { file: ["必填"] });
  return new Uint8Array(await file.arrayBuffer());
}

async function tableOf(bytes: Uint8Array): Promise<string[][]> {
  if (bytes.byteLength === 0) throw new BadRequest("文件为空", { file: ["文件为空"] });
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) {
    try {
      return (await parseXlsxInWorker(bytes, { maxRows: MAX_READING_ROWS + 1 }, { dateColumns: DATE_COLUMNS })).rows;
    } catch (e) {
      if (e instanceof XlsxRefused)
        throw new BadRequest(`无法读取 Excel 文件（${e.message}）`, { file: ["无法读取 Excel 文件"] });
      throw e;
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest("CSV 文件须为 UTF-8 编码", { file: ["CSV 文件须为 UTF-8 编码"] });
  }
  if (text.includes("\u0000")) throw new BadRequest("不是文本文件", { file: ["不是文本文件"] });
  const rows = parseCsv(text);
  applyDateColumns(rows, [], DATE_COLUMNS);
  return rows;
}

/**
 * Imports daily readings from CSV (UTF-8) or XLSX: a header row, one reading per row. Every row is
 * checked first; any bad row → every bad row listed (row, column, reason) and nothing written.
 * With `preview` nothing is written either way: the answer says how many rows would be added and
 * how many would replace a stored day, with the first rows as read (dates as the importer saw them).
 */
export async function importReadings(
  actor: Actor,
  bytes: Uint8Array,
  opts: { locale?: Locale; requestId?: string; preview?: boolean } = {},
): Promise<ImportResult> {
  authorize(actor, "taihu.record");
  const locale = opts.locale ?? "zh-CN";
  const table = (await tableOf(bytes)).filter((r) => r.some((c) => c.trim() !== ""));
  if (table.length < 2) throw new Invalid({ file: [locale === "en" ? "No rows under the header" : "表头下没有数据行"] });
  if (table.length > MAX_READING_ROWS + 1)
    throw new Invalid({ file: [locale === "en" ? "Too many rows" : `一次最多导入 ${MAX_READING_ROWS} 行`] });
  const header = (table[0] ?? []).map((h) => COLUMNS[headerKey(h)] ?? null);
  const missing = (["pointCode", "day"] as const).filter((f) => !header.includes(f));
  if (missing.length)
    throw new Invalid({ file: [locale === "en" ? `Missing columns: ${missing.join(", ")}` : "缺少“点位编号”或“日期”列"] });

  const points = new Map((await db.taihuPoint.findMany({ where: { active: true } })).map((p) => [p.code, p]));
  const errors: ImportResult["errors"] = [];
  const rows: { input: ReadingInput; point: NonNullable<ReturnType<typeof points.get>> }[] = [];
  const seen = new Set<string>();
  table.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const raw: Record<string, string> = {};
    header.forEach((field, c) => {
      if (field && cells[c] !== undefined && cells[c].trim() !== "") raw[field] = cells[c].trim();
    });
    try {
      if (raw.day && /^\d{4}-\d{2}$/.test(raw.day)) throw new Invalid({ day: [fieldText("dateCellAsText", locale)] });
      const input = parseInput(readingInputSchema, raw, locale);
      const point = points.get(input.pointCode);
      if (!point || !mayRecordAt(actor, point))
        throw new Invalid({ pointCode: [fieldText(point ? "outOfDistrict" : "unknownPoint", locale)] });
      const key = `${input.pointCode}|${input.day}`;
      if (seen.has(key)) throw new Invalid({ day: [fieldText("duplicateDay", locale)] });
      seen.add(key);
      rows.push({ input, point });
    } catch (e) {
      if (!(isAppError(e) && e.fields)) throw e;
      for (const [column, reasons] of Object.entries(e.fields))
        for (const reason of reasons) errors.push({ row: rowNo, column: column === "_" ? null : column, reason });
    }
  });
  const count = { preview: !!opts.preview, rows: rows.length + new Set(errors.map((e) => e.row)).size };
  if (errors.length) return { ...count, saved: 0, imported: 0, replaced: 0, errors, sample: [] };
  const days = [...seen].map((k) => k.split("|")[1] as string).sort();
  const stored = await db.taihuReading.findMany({
    where: {
      pointId: { in: [...new Set(rows.map((r) => r.point.id))] },
      day: { gte: parseCalendarDate(days[0] as string) as Date, lte: parseCalendarDate(days.at(-1) as string) as Date },
    },
    select: { pointId: true, day: true },
  });
  const storedKeys = new Set(stored.map((r) => `${r.pointId}|${formatCalendarDate(r.day)}`));
  const replaced = rows.filter((r) => storedKeys.has(`${r.point.id}|${r.input.day}`)).length;
  if (opts.preview) {
    const sample = rows.slice(0, 5).map(({ input }) => ({
      pointCode: input.pointCode,
      day: input.day,
      algaeDensity: input.algaeDensity == null ? null : String(input.algaeDensity),
      bloomArea: input.bloomArea == null ? null : String(input.bloomArea),
      blackBloom: input.blackBloom ? (locale === "en" ? "yes" : "是") : locale === "en" ? "no" : "否",
      sourceStatus: input.sourceStatus ?? null,
    }));
    return { ...count, saved: 0, imported: rows.length - replaced, replaced, errors: [], sample };
  }
  await db.$transaction(
    async (tx) => {
      for (const r of rows) await writeReading(tx, actor, r.point, r.input, opts.requestId);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { ...count, saved: rows.length, imported: rows.length - replaced, replaced, errors: [], sample: [] };
}
