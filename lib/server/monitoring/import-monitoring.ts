import "server-only";
import { db } from "../../db";
import { type ClueThresholds, parseBeijingHour } from "../../domain/clue-detection";
import { checkCreditCode, creditCodeMessage } from "../../domain/credit-code";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isStorableText } from "../../schemas/common";
import { writeAudit } from "../audit/write-audit";
import { detectInApp, detectInSql, type EpisodesBySeries } from "../clues/detect-clues";
import { recordEpisodes } from "../clues/record-clues";
import { getSettings } from "../settings/get-settings";
import { bulkPool } from "./bulk-pg";
import type { MonitoringUpload } from "./read-monitoring-upload";

export const MONITORING_COLUMNS = ["credit_code", "outlet_code", "pollutant", "time", "value", "limit", "unit"] as const;
type Column = (typeof MONITORING_COLUMNS)[number];
/** Row errors listed in the answer; the count covers them all. */
export const MAX_LISTED_ERRORS = 200;
const BATCH = 10_000;
// Up to 20 decimals: spreadsheet numbers arrive with binary artefacts (3.5029999999999997).
const NUMBER_TEXT = /^[+-]?\d{1,12}(\.\d{1,20})?$/;

export type MonitoringRowError = { row: number; column: Column | null; reason: string };
export type MonitoringImportResult = {
  importId: string;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  clues: number;
  extended: number;
  errors: MonitoringRowError[];
  errorsTruncated: boolean;
};

/** Which detection the import runs: both give the same clues; the TypeScript rules measured faster at 4.3 M readings (README, bench:monitoring). */
export type Detector = "sql" | "app";

export async function thresholdsInForce(): Promise<ClueThresholds> {
  const s = await getSettings();
  return { exceedanceHours: s.clueExceedanceHours, flatlineHours: s.clueFlatlineHours, gapHours: s.clueGapHours };
}

/**
 * Imports hourly online-monitoring readings (`credit_code,outlet_code,pollutant,time,value,limit,unit`,
 * times in Beijing time) and raises the clues they show.
 *
 * Reading of the rules: rows are accepted or rejected one by one (a month of data from 2 000
 * outlets should not be lost to one bad line); rejected rows are counted and the first 200 listed
 * with their line and a Chinese reason. A reading already stored for the same outlet × pollutant ×
 * hour is a duplicate and is left as it was (the first value wins), so importing a file twice
 * changes nothing. Enterprises must be in the register; outlets and pollutant series are created
 * on first sight. Clues are then detected on every series the file touched, over its whole stored
 * history, with `until` = the latest hour in the file (an outlet silent since then shows a GAP).
 */
export async function importMonitoring(
  actor: Actor,
  upload: MonitoringUpload,
  opts: { requestId?: string; detector?: Detector } = {},
): Promise<MonitoringImportResult> {
  authorize(actor, "monitoring.import");
  const errors: MonitoringRowError[] = [];
  let rejected = 0;
  const reject = (row: number, column: Column | null, reason: string) => {
    rejected++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ row, column, reason });
  };
  const enterprises = new Map<string, string | null>();
  const seriesOf = new Map<string, { id: number; unit: string }>();
  // Hours and codes repeat on every row of a month of data: check each distinct text once.
  const hourOf = new Map<string, number | { error: string }>();
  const codeOf = new Map<string, ReturnType<typeof checkCreditCode>>();
  const touched = new Set<number>();
  let index: Record<Column, number> | null = null;
  let rows = 0;
  let imported = 0;
  let duplicates = 0;
  let latest = Number.NEGATIVE_INFINITY;
  type Pending = {
    line: number;
    code: string;
    outlet: string;
    pollutant: string;
    unit: string;
    hour: number;
    value: number;
    limit: number;
  };
  let pending: Pending[] = [];
  // One batch is written while the next is read (the database works while this process parses).
  let writing: Promise<void> = Promise.resolve();

  /**
   * Resolves a batch set-wise (one query for its unknown credit codes, one insert each for its new
   * outlets and series), then inserts its readings in one statement.
   */
  const flush = async (pending: Pending[]) => {
    if (!pending.length) return;
    const pool = bulkPool();
    const unknownCodes = [...new Set(pending.map((r) => r.code).filter((c) => !enterprises.has(c)))];
    if (unknownCodes.length) {
      const found = await pool.query<{ id: string; creditCode: string }>(
        `SELECT id, "creditCode" FROM "Enterprise" WHERE "creditCode" = ANY($1::text[])`,
        [unknownCodes],
      );
      for (const c of unknownCodes) enterprises.set(c, null);
      for (const e of found.rows) enterprises.set(e.creditCode, e.id);
    }
    const keyOf = (r: Pending) => `${enterprises.get(r.code)}\u0000${r.outlet}\u0000${r.pollutant}`;
    const newSeries = new Map<string, Pending>();
    for (const r of pending) if (enterprises.get(r.code) && !seriesOf.has(keyOf(r))) newSeries.set(keyOf(r), r);
    if (newSeries.size) {
      const list = [...newSeries.values()];
      const params = [
        list.map((r) => enterprises.get(r.code)),
        list.map((r) => r.outlet),
        list.map((r) => r.pollutant),
        list.map((r) => r.unit),
      ];
      await pool.query(
        `INSERT INTO "MonitoringOutlet" (id, "enterpriseId", code)
         SELECT gen_random_uuid(), e, o FROM unnest($1::uuid[], $2::text[]) AS t(e, o)
         ON CONFLICT ("enterpriseId", code) DO NOTHING`,
        params.slice(0, 2),
      );
      await pool.query(
        `INSERT INTO "MonitoringSeries" ("outletId", pollutant, unit)
         SELECT mo.id, t.p, t.u FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(e, o, p, u)
           JOIN "MonitoringOutlet" mo ON mo."enterpriseId" = t.e AND mo.code = t.o
         ON CONFLICT ("outletId", pollutant) DO NOTHING`,
        params,
      );
      const ids = await pool.query<{ enterprise: string; outlet: string; pollutant: string; id: number; unit: string }>(
        `SELECT mo."enterpriseId" AS enterprise, mo.code AS outlet, s.pollutant, s.id, s.unit
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(enterprise, outlet, pollutant)
           JOIN "MonitoringOutlet" mo ON mo."enterpriseId" = t.enterprise AND mo.code = t.outlet
           JOIN "MonitoringSeries" s ON s."outletId" = mo.id AND s.pollutant = t.pollutant`,
        [list.map((r) => enterprises.get(r.code)), list.map((r) => r.outlet), list.map((r) => r.pollutant)],
      );
      for (const r of ids.rows) seriesOf.set(`${r.enterprise}\u0000${r.outlet}\u0000${r.pollutant}`, { id: r.id, unit: r.unit });
    }
    const batch = { sid: [] as number[], hour: [] as string[], value: [] as number[], limit: [] as number[] };
    for (const r of pending) {
      if (!enterprises.get(r.code)) {
        reject(r.line, "credit_code", `统一社会信用代码 ${r.code} 不在企业库中，请先登记该企业`);
        continue;
      }
      const series = seriesOf.get(keyOf(r));
      if (!series) throw new Error("monitoring series not resolved");
      if (series.unit !== r.unit) {
        reject(r.line, "unit", `单位“${r.unit}”与该排放口该项目已有数据的单位“${series.unit}”不一致`);
        continue;
      }
      touched.add(series.id);
      if (r.hour > latest) latest = r.hour;
      batch.sid.push(series.id);
      batch.hour.push(new Date(r.hour).toISOString());
      batch.value.push(r.value);
      batch.limit.push(r.limit);
    }
    if (!batch.sid.length) return;
    const res = await pool.query(
      `INSERT INTO "MonitoringReading" ("seriesId", hour, value, "limit")
       SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::float8[], $4::float8[]) ON CONFLICT DO NOTHING`,
      [batch.sid, batch.hour, batch.value, batch.limit],
    );
    imported += res.rowCount ?? 0;
    duplicates += batch.sid.length - (res.rowCount ?? 0);
  };

  for await (const { line, cells } of upload.rows) {
    if (!index) {
      const names = cells.map((c) => c.trim().toLowerCase());
      const missing = MONITORING_COLUMNS.filter((c) => !names.includes(c));
      if (missing.length)
        throw new Invalid({ file: [`表头缺少列：${missing.join("、")}（应为 ${MONITORING_COLUMNS.join(",")}）`] });
      index = Object.fromEntries(MONITORING_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
      continue;
    }
    if (cells.every((c) => c.trim() === "")) continue;
    rows++;
    const cell = (c: Column) => (cells[(index as Record<Column, number>)[c]] ?? "").trim();
    const text: Partial<Record<Column, string>> = {};
    let bad = false;
    for (const c of MONITORING_COLUMNS) {
      const v = cell(c);
      if (!isStorableText(v)) {
        reject(line, c, "含有无法保存的字符");
        bad = true;
        break;
      }
      text[c] = v;
    }
    if (bad) continue;
    const codeText = text.credit_code as string;
    let code = codeOf.get(codeText);
    if (!code) {
      code = checkCreditCode(codeText);
      if (codeOf.size > 100_000) codeOf.clear();
      codeOf.set(codeText, code);
    }
    if (!code.ok) {
      reject(line, "credit_code", creditCodeMessage(code));
      continue;
    }
    const outlet = text.outlet_code as string;
    const pollutant = text.pollutant as string;
    const unit = text.unit as string;
    if (!outlet || outlet.length > 40) {
      reject(line, "outlet_code", outlet ? "排放口编号过长（最多 40 个字符）" : "排放口编号不能为空");
      continue;
    }
    if (!pollutant || pollutant.length > 40) {
      reject(line, "pollutant", pollutant ? "监测项目名称过长（最多 40 个字符）" : "监测项目不能为空");
      continue;
    }
    if (!unit || unit.length > 20) {
      reject(line, "unit", unit ? "单位过长（最多 20 个字符）" : "单位不能为空");
      continue;
    }
    const timeText = text.time as string;
    let hour = hourOf.get(timeText);
    if (hour === undefined) {
      hour = parseBeijingHour(timeText);
      if (hourOf.size > 100_000) hourOf.clear();
      hourOf.set(timeText, hour);
    }
    if (typeof hour !== "number") {
      reject(line, "time", hour.error);
      continue;
    }
    if (!NUMBER_TEXT.test(text.value as string) || Number(text.value) < 0) {
      reject(line, "value", "监测值应为不小于 0 的数字");
      continue;
    }
    if (!NUMBER_TEXT.test(text.limit as string) || Number(text.limit) <= 0) {
      reject(line, "limit", "排放限值应为大于 0 的数字");
      continue;
    }
    pending.push({ line, code: code.code, outlet, pollutant, unit, hour, value: Number(text.value), limit: Number(text.limit) });
    if (pending.length >= BATCH) {
      await writing;
      writing = flush(pending);
      writing.catch(() => {}); // awaited (and rethrown) before the next batch or at the end
      pending = [];
    }
  }
  if (!index) throw new Invalid({ file: ["文件为空，至少需要表头一行"] });
  await writing;
  await flush(pending);
  errors.sort((a, b) => a.row - b.row);

  const thresholds = await thresholdsInForce();
  const ids = [...touched];
  const until = Number.isFinite(latest) ? latest : undefined;
  const found: EpisodesBySeries =
    opts.detector === "sql" ? await detectInSql(ids, { thresholds, until }) : await detectInApp(ids, { thresholds, until });
  return db.$transaction(
    async (tx) => {
      const { created, extended } = await recordEpisodes(tx, found, { actorId: actor.id, requestId: opts.requestId });
      const record = await tx.monitoringImport.create({
        data: {
          fileName: upload.fileName,
          importedById: actor.id,
          rows,
          imported,
          duplicates,
          rejected,
          clues: created,
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "MonitoringImport",
        entityId: record.id,
        action: "monitoring.imported",
        after: { fileName: upload.fileName, rows, imported, duplicates, rejected, clues: created, extended },
        requestId: opts.requestId,
      });
      return {
        importId: record.id,
        rows,
        imported,
        duplicates,
        rejected,
        clues: created,
        extended,
        errors,
        errorsTruncated: rejected > errors.length,
      };
    },
    { timeout: 120_000 },
  );
}
