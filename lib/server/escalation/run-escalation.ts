import "server-only";
import { type EscalationLevel, Prisma, type Problem } from "@prisma/client";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { addDays, bureauToday, daysBetween, formatCalendarDate } from "../../domain/calendar";
import {
  dueEscalation,
  type EscalationNotice,
  escalationAudience,
  escalationKey,
  escalationKeyPrefix,
  escalationRank,
  isEscalatable,
  planEscalation,
} from "../../domain/escalation";
import type { Settings } from "../../domain/settings";
import { noticeText } from "../notifications/notice-text";
import { type Notice, notifyMany } from "../notifications/notify";
import { bureauHeads, leadOfficialOf, unitStaffOfUnits } from "../notifications/recipients";
import { remindLateSelfReviews } from "../self-reviews/remind-late-self-reviews";
import { getSettings } from "../settings/get-settings";
import { runTaihuAlerts } from "../taihu/run-taihu-alerts";
import { gradeColoursSql } from "./grade-colours-sql";
import { lockEscalationJob, TX_OPTIONS } from "./job-lock";
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
};

const BATCH = 10_000;
const GRADE_BATCH = 25_000;
const AUDIT_CHUNK = 2_000;

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
  };
  await refreshColours(today, settings, run);
  await climbLadder(today, settings, run);
  const late = await remindLateReporters({ now, settings });
  run.lateReporters = late.lateReporters;
  run.notificationsCreated += late.notificationsCreated;
  const selfReviews = await remindLateSelfReviews({ now, settings });
  run.lateSelfReviews = selfReviews.lateSheets;
  run.notificationsCreated += selfReviews.notificationsCreated;
  const taihu = await runTaihuAlerts();
  run.taihuEpisodesOpened = taihu.episodesOpened;
  run.notificationsCreated += taihu.notificationsCreated;
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

type LadderRow = Pick<Problem, "id" | "code" | "title" | "status" | "leadOfficialId" | "leadUnitId" | "escalation"> & {
  deadline: Date;
};

async function climbLadder(today: Date, settings: Settings, run: EscalationRun): Promise<void> {
  const reminderFrom = addDays(today, settings.reminderDaysBefore);
  const heads = await bureauHeads(db);
  let after: string | undefined;
  for (;;) {
    // Problems a step may be due for (deadline within reminder reach) or that were escalated before.
    const rows = (await db.problem.findMany({
      where: {
        status: { notIn: ["CLOSED", "ONGOING"] },
        deadline: { not: null },
        OR: [{ deadline: { lte: reminderFrom } }, { escalation: { not: "NONE" } }],
        ...(after ? { id: { gt: after } } : {}),
      },
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        deadline: true,
        leadOfficialId: true,
        leadUnitId: true,
        escalation: true,
      },
      orderBy: { id: "asc" },
      take: BATCH,
    })) as LadderRow[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id;
    const onLadder = rows.filter(isEscalatable);
    run.problemsChecked += onLadder.length;
    await db.$transaction((tx) => climbBatch(tx, onLadder, today, settings, heads, run), TX_OPTIONS);
  }
}

async function climbBatch(
  tx: Tx,
  rows: LadderRow[],
  today: Date,
  settings: Settings,
  bureauHeadIds: string[],
  run: EscalationRun,
): Promise<void> {
  await lockEscalationJob(tx);
  const escalated = rows.filter((r) => r.escalation !== "NONE");
  const armed = new Set<string>();
  if (escalated.length) {
    // Reached for the current deadline = a notice of this deadline and level is on record.
    const found = await tx.$queryRaw<{ id: string }[]>`
      SELECT v.id::text AS id
      FROM unnest(${escalated.map((r) => r.id)}::uuid[], ${escalated.map((r) => escalationKeyPrefix(r.id, r.deadline))}::text[],
                  ${escalated.map((r) => `escalation.${r.escalation}`)}::text[]) AS v(id, prefix, kind)
      WHERE EXISTS (SELECT 1 FROM "Notification" n
                    WHERE n."problemId" = v.id AND n.kind = v.kind AND starts_with(n."dedupeKey", v.prefix))`;
    for (const f of found) armed.add(f.id);
  }

  const moves: { row: LadderRow; level: EscalationLevel }[] = [];
  const notices: { row: LadderRow; notice: EscalationNotice }[] = [];
  for (const row of rows) {
    const due = dueEscalation(row.deadline, today, settings);
    const plan = planEscalation(row.escalation, armed.has(row.id), due);
    if (plan.level !== row.escalation) moves.push({ row, level: plan.level });
    if (plan.notice) notices.push({ row, notice: plan.notice });
  }

  // Guarded by the level read: of two runs at once, only the first moves a problem (and notifies).
  const moved = new Set<string>();
  if (moves.length) {
    const updated = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Problem" p SET escalation = v.level::"EscalationLevel"
      FROM unnest(${moves.map((m) => m.row.id)}::uuid[], ${moves.map((m) => m.level)}::text[],
                  ${moves.map((m) => m.row.escalation)}::text[]) AS v(id, level, old_level)
      WHERE p.id = v.id AND p.escalation::text = v.old_level
      RETURNING p.id::text AS id`;
    for (const u of updated) moved.add(u.id);
    const audits = moves.filter((m) => moved.has(m.row.id));
    // In statements of AUDIT_CHUNK rows, one after another (a larger one would be split and sent at once on the transaction's connection).
    for (let i = 0; i < audits.length; i += AUDIT_CHUNK) {
      await tx.auditLog.createMany({
        data: audits.slice(i, i + AUDIT_CHUNK).map((m) => ({
          actorId: null,
          entityType: "Problem",
          entityId: m.row.id,
          action: "escalate",
          before: { escalation: m.row.escalation },
          after: { escalation: m.level, deadline: formatCalendarDate(m.row.deadline) },
        })),
      });
    }
    run.rearmed += audits.filter((m) => escalationRank(m.level) < escalationRank(m.row.escalation)).length;
  }

  const toSend = notices.filter(({ row, notice }) => moved.has(row.id) || row.escalation === notice);
  if (toSend.length === 0) return;
  const staffOf = await unitStaffOfUnits(
    tx,
    toSend.map((n) => n.row.leadUnitId),
  );

  const batch: Notice[] = [];
  for (const { row, notice } of toSend) {
    const audience = escalationAudience(notice);
    const recipients = [
      ...(audience.unitHeads ? (staffOf.get(row.leadUnitId) ?? []) : []),
      ...(audience.leadOfficial ? leadOfficialOf(row) : []),
      ...(audience.bureauHeads ? bureauHeadIds : []),
    ];
    const daysLeft = daysBetween(today, row.deadline);
    const vars = {
      code: row.code,
      title: row.title,
      deadline: formatCalendarDate(row.deadline),
      days: notice === "REMINDED" ? daysLeft : Math.max(0, -daysLeft),
    };
    batch.push({
      recipients,
      kind: `escalation.${notice}`,
      problemId: row.id,
      link: `/problems/${row.id}`,
      dedupeKey: escalationKey(row.id, row.deadline, notice),
      text: (locale) => noticeText(locale, notice, vars),
    });
    if (moved.has(row.id)) {
      if (notice === "REMINDED") run.reminded++;
      else if (notice === "YELLOW") run.yellow++;
      else run.red++;
    }
  }
  run.notificationsCreated += await notifyMany(tx, batch);
}
