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
const BATCH = 5_000;
const NUMBER_TEXT = /^[+-]?\d{1,12}(\.\d{1,9})?$/;

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

/** Which detection the import runs (both give the same clues; SQL measured faster at scale, see README). */
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
  const enterprises = new Map<string, { id: string } | null>();
  const seriesOf = new Map<string, { id: number; unit: string }>();
  const touched = new Set<number>();
  let index: Record<Column, number> | null = null;
  let rows = 0;
  let imported = 0;
  let duplicates = 0;
  let latest = Number.NEGATIVE_INFINITY;
  let batch = { sid: [] as number[], hour: [] as string[], value: [] as number[], limit: [] as number[] };

  const flush = async () => {
    const n = batch.sid.length;
    if (!n) return;
    const res = await bulkPool().query(
      `INSERT INTO "MonitoringReading" ("seriesId", hour, value, "limit")
       SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::float8[], $4::float8[]) ON CONFLICT DO NOTHING`,
      [batch.sid, batch.hour, batch.value, batch.limit],
    );
    imported += res.rowCount ?? 0;
    duplicates += n - (res.rowCount ?? 0);
    batch = { sid: [], hour: [], value: [], limit: [] };
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
    const code = checkCreditCode(text.credit_code as string);
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
    const hour = parseBeijingHour(text.time as string);
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
    let enterprise = enterprises.get(code.code);
    if (enterprise === undefined) {
      enterprise = await db.enterprise.findUnique({ where: { creditCode: code.code }, select: { id: true } });
      enterprises.set(code.code, enterprise);
    }
    if (!enterprise) {
      reject(line, "credit_code", `统一社会信用代码 ${code.code} 不在企业库中，请先登记该企业`);
      continue;
    }
    const key = `${enterprise.id}\u0000${outlet}\u0000${pollutant}`;
    let series = seriesOf.get(key);
    if (!series) {
      const o = await db.monitoringOutlet.upsert({
        where: { enterpriseId_code: { enterpriseId: enterprise.id, code: outlet } },
        create: { enterpriseId: enterprise.id, code: outlet },
        update: {},
        select: { id: true },
      });
      series = await db.monitoringSeries.upsert({
        where: { outletId_pollutant: { outletId: o.id, pollutant } },
        create: { outletId: o.id, pollutant, unit },
        update: {},
        select: { id: true, unit: true },
      });
      seriesOf.set(key, series);
    }
    if (series.unit !== unit) {
      reject(line, "unit", `单位“${unit}”与该排放口该项目已有数据的单位“${series.unit}”不一致`);
      continue;
    }
    touched.add(series.id);
    if (hour > latest) latest = hour;
    batch.sid.push(series.id);
    batch.hour.push(new Date(hour).toISOString());
    batch.value.push(Number(text.value));
    batch.limit.push(Number(text.limit));
    if (batch.sid.length >= BATCH) await flush();
  }
  if (!index) throw new Invalid({ file: ["文件为空，至少需要表头一行"] });
  await flush();

  const thresholds = await thresholdsInForce();
  const ids = [...touched];
  const until = Number.isFinite(latest) ? latest : undefined;
  const found: EpisodesBySeries =
    opts.detector === "app" ? await detectInApp(ids, { thresholds, until }) : await detectInSql(ids, { thresholds, until });
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
