import "server-only";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import type { Settings } from "../../domain/settings";
import type { Actor } from "../../permissions";
import { notifyCtes } from "../notifications/notify-sql";
import { problemScopeSql } from "../problems/scope";
import { lastReportSql, reportDueOnSql, reportDutySql } from "../reports/late-report-sql";
import { getSettings } from "../settings/get-settings";
import { batchMemory, lockEscalationJob, TX_OPTIONS } from "./job-lock";

/** The scheduled jobs read the whole ledger as a read-only reader; they never act as a person. */
const LEDGER_READER: Actor = {
  id: "00000000-0000-0000-0000-000000000000",
  username: "escalation-job",
  displayName: "督办任务",
  role: "VIEWER",
  unitId: null,
  districtId: null,
  locale: "zh-CN",
  sessionId: "escalation-job",
};

export type LateReportRun = { lateReporters: number; notificationsCreated: number };

/**
 * Late-report reminders: for each problem whose lead unit is late with its progress report, the
 * unit's heads (division heads, or an agency's field officers) are told — once per report cycle
 * of lateness, so a unit that stays late hears again every cycle and a unit that reports is left
 * alone (the next due day starts a new key).
 */
export async function remindLateReporters(opts: { now?: Date; settings?: Settings } = {}): Promise<LateReportRun> {
  const now = opts.now ?? clockNow();
  const day = formatCalendarDate(bureauToday(now));
  const settings = opts.settings ?? (await getSettings(db));
  const [res] = await db.$transaction(async (tx) => {
    await lockEscalationJob(tx);
    await batchMemory(tx);
    return tx.$queryRaw<{ units: number; created: number }[]>(lateReminderSql(day, settings));
  }, TX_OPTIONS);
  return { lateReporters: res?.units ?? 0, notificationsCreated: res?.created ?? 0 };
}

/**
 * The late-report reminders as one statement, answering (units, created): the late problems as
 * `listLateReporters` finds them (the rule of `reportStanding`, late-report-sql.ts), their units'
 * staff as recipients, the key per report cycle of lateness (`reportCycleIndex`), the texts of
 * `noticeText(…, "lateReport", …)` (notifyCtes). Exported for the benchmark's EXPLAIN.
 */
export function lateReminderSql(day: string, settings: Settings): Prisma.Sql {
  return Prisma.sql`
    WITH late AS (
      SELECT p.id, p.code, p.title, p."leadUnitId", u.name AS unit, to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn",
             ${day}::date - d.due_on AS days
      FROM "Problem" p
      JOIN "Unit" u ON u.id = p."leadUnitId"
      CROSS JOIN LATERAL (SELECT ${lastReportSql} AS last) lr
      CROSS JOIN LATERAL (SELECT ${reportDueOnSql(Prisma.sql`lr.last`, settings)} AS due_on) d
      WHERE ${reportDutySql} AND ${problemScopeSql(LEDGER_READER)}
        AND ${day}::date - d.due_on > ${settings.lateReportGraceDays}::int),
    cand AS (
      SELECT 'report-late:' || l.id::text || ':' || l."dueOn" || ':' ||
               (CASE WHEN l.days < 0 THEN 0 ELSE l.days / greatest(1, ${settings.reportCycleDays}::int) END)::text AS key,
             s.id AS "userId", 1 AS grp, l.id AS "problemId", 'report.late' AS kind, '/problems/' || l.id::text AS link,
             'lateReport' AS tpl, l.code, l.title, l.unit, l."dueOn", l.days
      FROM late l JOIN "User" s ON s."unitId" = l."leadUnitId" AND s.role IN ('DIVISION_HEAD', 'FIELD_OFFICER')),
    ${notifyCtes({ from: "cand", templates: { lateReport: "lateReport" }, vars: ["code", "title", "unit", "dueOn", "days"] })}
    SELECT (SELECT count(DISTINCT "leadUnitId") FROM late)::int AS units, (SELECT count(*) FROM n_ins)::int AS created`;
}
