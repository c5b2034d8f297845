import "server-only";
import { performance } from "node:perf_hooks";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { addDays, bureauToday, formatCalendarDate } from "../../domain/calendar";
import {
  ESCALATION_LEVELS,
  type EscalationLevelName,
  type EscalationNotice,
  escalationAudience,
  escalationRank,
} from "../../domain/escalation";
import type { Settings } from "../../domain/settings";
import { notifyCtes } from "../notifications/notify-sql";
import { remindLateSelfReviews } from "../self-reviews/remind-late-self-reviews";
import { getSettings } from "../settings/get-settings";
import { runTaihuAlerts } from "../taihu/run-taihu-alerts";
import { gradeColoursSql } from "./grade-colours-sql";
import { batchMemory, lockEscalationJob, TX_OPTIONS } from "./job-lock";
import { remindLateReporters } from "./remind-late-reporters";

export type EscalationRun = {
  /** The bureau's calendar day the run judged by. */
  today: string;
  /** Open problems whose colour was recomputed. */
  problemsGraded: number;
  colourChanged: number;
  /** Problems on the ladder (a deadline within reach, or already escalated) that were looked at. */
  problemsChecked: number;
  reminded: number;
  yellow: number;
  red: number;
  /** Problems whose escalation belonged to an earlier deadline and started again. */
  rearmed: number;
  lateReporters: number;
  /** Self-review sheets past their due date and not submitted (八个方面反思). */
  lateSelfReviews: number;
  /** Taihu alert episodes opened by this run (太湖安全度夏). */
  taihuEpisodesOpened: number;
  notificationsCreated: number;
  /** Where the run's time went, in milliseconds (the ladder's notices and audit rows apart from its moves). */
  phasesMs: { colours: number; ladder: number; audit: number; notifications: number; lateReporters: number; other: number };
};

const BATCH = 25_000;
const GRADE_BATCH = 25_000;

/**
 * The daily escalation job (督办). For every open problem: recomputes the colour grade; then, for
 * every problem with a deadline that is not CLOSED or ONGOING, climbs the escalation ladder —
 * reminder before the deadline to the lead unit's heads, yellow notice (黄牌督办) from the deadline
 * day to the lead official, red notice (红牌督办) after `redOverdueDays` overdue days to the bureau
 * heads (the problem then is on the at-risk list) — and reminds units that are late with their
 * progress reports. Idempotent: every notice has a dedupe key (problem, deadline, step), the
 * escalation column only climbs for one deadline, and a second run the same day sends nothing.
 * `now` is injectable so tests can travel in time.
 */
export async function runEscalation(opts: { now?: Date } = {}): Promise<EscalationRun> {
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const settings = await getSettings(db);
  const run: EscalationRun = {
    today: formatCalendarDate(today),
    problemsGraded: 0,
    colourChanged: 0,
    problemsChecked: 0,
    reminded: 0,
    yellow: 0,
    red: 0,
    rearmed: 0,
    lateReporters: 0,
    lateSelfReviews: 0,
    taihuEpisodesOpened: 0,
    notificationsCreated: 0,
    phasesMs: { colours: 0, ladder: 0, audit: 0, notifications: 0, lateReporters: 0, other: 0 },
  };
  let t = performance.now();
  await refreshColours(today, settings, run);
  run.phasesMs.colours = performance.now() - t;
  await climbLadder(today, settings, run);
  t = performance.now();
  const late = await remindLateReporters({ now, settings });
  run.lateReporters = late.lateReporters;
  run.notificationsCreated += late.notificationsCreated;
  run.phasesMs.lateReporters = performance.now() - t;
  t = performance.now();
  const selfReviews = await remindLateSelfReviews({ now, settings });
  run.lateSelfReviews = selfReviews.lateSheets;
  run.notificationsCreated += selfReviews.notificationsCreated;
  const taihu = await runTaihuAlerts();
  run.taihuEpisodesOpened = taihu.episodesOpened;
  run.notificationsCreated += taihu.notificationsCreated;
  run.phasesMs.other = performance.now() - t;
  for (const [k, v] of Object.entries(run.phasesMs)) run.phasesMs[k as keyof EscalationRun["phasesMs"]] = Math.round(v);
  return run;
}

/** Colour grades drift with the calendar (pace, due soon, overdue): re-grade every open problem, batch by batch, in SQL. */
async function refreshColours(today: Date, settings: Settings, run: EscalationRun): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    // One statement per batch grades it (`gradeColoursSql`) and writes the changed ones, guarded by
    // the values read: a use case that re-derived them meanwhile wins.
    const [batch] = await db.$transaction(async (tx) => {
      await lockEscalationJob(tx);
      return tx.$queryRaw<{ graded: number; changed: number; last: string | null }[]>`
        WITH batch AS (SELECT id FROM "Problem" WHERE status <> 'CLOSED' AND id > ${after}::uuid ORDER BY id LIMIT ${GRADE_BATCH}),
        hi AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),
        g AS (${gradeColoursSql(Prisma.sql`p.id IN (SELECT id FROM batch)`, Prisma.sql`m."problemId" > ${after}::uuid AND m."problemId" <= (SELECT id FROM hi)`, today, settings)}),
        u AS (
          UPDATE "Problem" p SET colour = g.colour::"Colour", progress = g.progress
          FROM g
          WHERE p.id = g.id AND (g.colour <> g.old_colour OR g.progress <> g.old_progress)
            AND p.colour::text = g.old_colour AND p.progress = g.old_progress
          RETURNING 1)
        SELECT (SELECT count(*) FROM batch)::int AS graded, (SELECT count(*) FROM u)::int AS changed, (SELECT id::text FROM hi) AS last`;
    }, TX_OPTIONS);
    if (!batch?.last) return;
    after = batch.last;
    run.problemsGraded += batch.graded;
    run.colourChanged += batch.changed;
  }
}

/** One batch of the ladder as planned and moved in SQL: the problems with something to write or send, as column arrays. */
type LadderBatch = {
  checked: number;
  last: string | null;
  ids: string[] | null;
  stored: EscalationLevelName[] | null;
  levels: EscalationLevelName[] | null;
  notices: (EscalationNotice | null)[] | null;
  deadlines: string[] | null;
  moved: boolean[] | null;
};

/** `escalationRank` in SQL. */
const rankSql = (level: Prisma.Sql) => Prisma.sql`array_position(${[...ESCALATION_LEVELS]}::text[], ${level})`;

/** `dueEscalation` in SQL over `days_left` (the deadline minus the bureau's day). */
function dueSql(settings: Settings): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN days_left < 0 AND -days_left >= ${settings.redOverdueDays}::int THEN 'RED'
    WHEN days_left <= 0 THEN 'YELLOW'
    WHEN days_left <= ${settings.reminderDaysBefore}::int THEN 'REMINDED'
    ELSE 'NONE' END`;
}

/**
 * The ladder, BATCH problems at a time, each batch in one transaction of three statements: plan
 * and move (the rules of `lib/domain/escalation.ts` in SQL: the step due today, armed when a
 * notice of the stored level and this deadline is on record, the column moved guarded by the
 * level read), the audit rows of the moves, and the notices (recipients and texts in SQL,
 * `notifyCtes`). `tests/integration/escalation-set-based.integration.test.ts` pins all three to
 * the per-row rules and the per-notice path (`notifyMany`).
 */
async function climbLadder(today: Date, settings: Settings, run: EscalationRun): Promise<void> {
  const day = formatCalendarDate(today);
  const reminderFrom = formatCalendarDate(addDays(today, settings.reminderDaysBefore));
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const last = await db.$transaction(async (tx) => {
      await lockEscalationJob(tx);
      await batchMemory(tx);
      let t = performance.now();
      // Problems a step may be due for (deadline within reminder reach) or that were escalated before.
      const [batch] = await tx.$queryRaw<LadderBatch[]>`
        WITH b AS (
          SELECT p.id, p.escalation::text AS stored, p.deadline, p.deadline - ${day}::date AS days_left
          FROM "Problem" p
          WHERE p.status NOT IN ('CLOSED', 'ONGOING') AND p.deadline IS NOT NULL
            AND (p.deadline <= ${reminderFrom}::date OR p.escalation <> 'NONE') AND p.id > ${after}::uuid
          ORDER BY p.id LIMIT ${BATCH}),
        d AS (
          SELECT b.*, ${dueSql(settings)} AS due,
            CASE WHEN b.stored <> 'NONE' AND EXISTS (
              SELECT 1 FROM "Notification" n
              WHERE n."problemId" = b.id AND n.kind = 'escalation.' || b.stored
                AND starts_with(n."dedupeKey", 'escalation:' || b.id::text || ':' || to_char(b.deadline, 'YYYY-MM-DD') || ':'))
            THEN b.stored ELSE 'NONE' END AS cur
          FROM b),
        pl AS (SELECT d.*, CASE WHEN ${rankSql(Prisma.sql`d.due`)} > ${rankSql(Prisma.sql`d.cur`)} THEN d.due END AS notice FROM d),
        x AS (SELECT pl.*, coalesce(pl.notice, pl.cur) AS level FROM pl),
        moved AS (
          UPDATE "Problem" p SET escalation = x.level::"EscalationLevel"
          FROM x WHERE p.id = x.id AND x.level <> x.stored AND p.escalation::text = x.stored
          RETURNING p.id),
        todo AS (
          SELECT x.*, m.id IS NOT NULL AS moved FROM x LEFT JOIN moved m ON m.id = x.id
          WHERE m.id IS NOT NULL OR x.notice = x.stored)
        SELECT (SELECT count(*) FROM b)::int AS checked, (SELECT id::text FROM b ORDER BY id DESC LIMIT 1) AS last,
          array_agg(id::text ORDER BY id) AS ids, array_agg(stored ORDER BY id) AS stored, array_agg(level ORDER BY id) AS levels,
          array_agg(notice ORDER BY id) AS notices, array_agg(to_char(deadline, 'YYYY-MM-DD') ORDER BY id) AS deadlines,
          array_agg(moved ORDER BY id) AS moved
        FROM todo`;
      run.phasesMs.ladder += performance.now() - t;
      if (!batch?.last) return null;
      run.problemsChecked += batch.checked;
      const ids = batch.ids ?? [];
      const at = (i: number) => ({
        id: ids[i] as string,
        stored: batch.stored?.[i] as EscalationLevelName,
        level: batch.levels?.[i] as EscalationLevelName,
        notice: batch.notices?.[i] ?? null,
        deadline: batch.deadlines?.[i] as string,
        moved: batch.moved?.[i] === true,
      });
      const rows = ids.map((_, i) => at(i));

      // One audit row per move, in the problems' order.
      t = performance.now();
      const moves = rows.filter((r) => r.moved);
      if (moves.length) {
        await tx.$executeRaw`
          INSERT INTO "AuditLog" (at, "actorId", "entityType", "entityId", action, before, after)
          SELECT now() AT TIME ZONE 'UTC', NULL, 'Problem', v.id, 'escalate', jsonb_build_object('escalation', v.old_level),
                 jsonb_build_object('escalation', v.level, 'deadline', v.deadline)
          FROM unnest(${moves.map((m) => m.id)}::text[], ${moves.map((m) => m.stored)}::text[], ${moves.map((m) => m.level)}::text[],
                      ${moves.map((m) => m.deadline)}::text[]) WITH ORDINALITY AS v(id, old_level, level, deadline, ord)
          ORDER BY v.ord`;
      }
      run.rearmed += moves.filter((m) => escalationRank(m.level) < escalationRank(m.stored)).length;
      run.phasesMs.audit += performance.now() - t;

      // The notices: a step moved now, or a step due again for a level stored without its notice.
      t = performance.now();
      const toSend = rows.filter((r) => r.notice !== null);
      for (const r of toSend) {
        if (!r.moved) continue;
        if (r.notice === "REMINDED") run.reminded++;
        else if (r.notice === "YELLOW") run.yellow++;
        else run.red++;
      }
      if (toSend.length) run.notificationsCreated += await notifyLadder(tx, toSend, day);
      run.phasesMs.notifications += performance.now() - t;
      return batch.last;
    }, TX_OPTIONS);
    if (!last) return;
    after = last;
  }
}

const NOTICES: EscalationNotice[] = ["REMINDED", "YELLOW", "RED"];
const audienceOf = (who: keyof ReturnType<typeof escalationAudience>) =>
  Prisma.join(NOTICES.filter((n) => escalationAudience(n)[who]).map((n) => Prisma.sql`${n}::text`));

/**
 * The ladder's notices in one statement: per problem the audience of its step (`escalationAudience`:
 * the lead unit's heads, the lead official, the bureau heads, in that order), the key of
 * `escalationKey`, the text of `noticeText` — days left for a reminder, days overdue after.
 */
async function notifyLadder(
  tx: Tx,
  rows: { id: string; notice: EscalationNotice | null; deadline: string }[],
  day: string,
): Promise<number> {
  const [res] = await tx.$queryRaw<{ created: number }[]>`
    WITH s AS (
      SELECT p.id, p.code, p.title, p."leadUnitId", p."leadOfficialId", v.notice, v.deadline,
             'escalation:' || p.id::text || ':' || v.deadline || ':' || v.notice AS key,
             CASE WHEN v.notice = 'REMINDED' THEN v.deadline::date - ${day}::date
                  ELSE greatest(0, ${day}::date - v.deadline::date) END AS days
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.notice)}::text[], ${rows.map((r) => r.deadline)}::text[])
           AS v(id, notice, deadline)
      JOIN "Problem" p ON p.id = v.id),
    cand AS (
      SELECT s.key, u.id AS "userId", 1 AS grp, s.id AS "problemId", 'escalation.' || s.notice AS kind, '/problems/' || s.id::text AS link,
             s.notice AS tpl, s.code, s.title, s.deadline, s.days
      FROM s JOIN "User" u ON u."unitId" = s."leadUnitId" AND u.role IN ('DIVISION_HEAD', 'FIELD_OFFICER')
      WHERE s.notice IN (${audienceOf("unitHeads")})
      UNION ALL
      SELECT s.key, u.id, 2, s.id, 'escalation.' || s.notice, '/problems/' || s.id::text, s.notice, s.code, s.title, s.deadline, s.days
      FROM s JOIN "User" u ON u.id = s."leadOfficialId"
      WHERE s.notice IN (${audienceOf("leadOfficial")})
      UNION ALL
      SELECT s.key, u.id, 3, s.id, 'escalation.' || s.notice, '/problems/' || s.id::text, s.notice, s.code, s.title, s.deadline, s.days
      FROM s CROSS JOIN ("User" u JOIN "Unit" bu ON bu.id = u."unitId" AND bu.kind = 'BUREAU' AND u.role = 'LEADER')
      WHERE s.notice IN (${audienceOf("bureauHeads")})),
    ${notifyCtes({ from: "cand", templates: { REMINDED: "REMINDED", YELLOW: "YELLOW", RED: "RED" }, vars: ["code", "title", "deadline", "days"] })}
    SELECT count(*)::int AS created FROM n_ins`;
  return res?.created ?? 0;
}
