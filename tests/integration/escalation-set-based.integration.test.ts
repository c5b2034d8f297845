import type { EscalationLevel, ProblemStatus } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { addDays, bureauToday, daysBetween, formatCalendarDate, parseCalendarDate } from "@/lib/domain/calendar";
import {
  dueEscalation,
  ESCALATION_LEVELS,
  escalationAudience,
  escalationKey,
  escalationRank,
  isEscalatable,
  planEscalation,
  reportCycleIndex,
} from "@/lib/domain/escalation";
import { SETTINGS_DEFAULTS } from "@/lib/domain/settings";
import type { Actor } from "@/lib/permissions";
import { writeAudits } from "@/lib/server/audit/write-audit";
import { runEscalation } from "@/lib/server/escalation/run-escalation";
import { noticeText } from "@/lib/server/notifications/notice-text";
import { type Notice, notifyMany } from "@/lib/server/notifications/notify";
import { bureauHeads, leadOfficialOf, unitStaffOfUnits } from "@/lib/server/notifications/recipients";
import { listLateReporters } from "@/lib/server/reports/list-late-reporters";
import { getSettings } from "@/lib/server/settings/get-settings";
import { createDistrict, createProblem, createProgressReport, createUnit, createUser } from "../factories";

/**
 * The escalation job writes its notices, their outgoing copies and its audit rows set-based in
 * SQL. This test runs it on a generated ledger — deadlines around today, every stored level with
 * and without its notice on record, staff and leaders in both languages, inactive accounts,
 * e-mail addresses with spaces, titles with quotes and "{days}", notices already stored — and
 * compares what it wrote with what the per-row rules of `lib/domain` and the per-notice path
 * (`notifyMany`, `writeAudits`, the recipients of `recipients.ts`, the texts of `noticeText`) write
 * from the same start (run first in a transaction that is rolled back): recipient, kind, text,
 * link and key of every notification, every e-mail and webhook copy, every audit row, the levels.
 */

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** 09:00 in Shanghai, so the bureau's day is the calendar day below. */
const NOW = new Date(Date.UTC(2031, 5, 10, 1, 0));
const TODAY = bureauToday(NOW);
const day = (offset: number) => addDays(TODAY, offset);

const TITLES = [
  "污水直排",
  "含引号的「标题」和 \"quotes\" 与 'single'",
  "标题里有 {days} 和 {code} 占位符",
  "emoji 🌊 与反斜杠 \\ 和 %_ 通配",
  "Title in English, with a comma",
];
const STATUSES: ProblemStatus[] = ["ASSIGNED", "RECTIFYING", "PENDING_ACCEPTANCE", "PUBLIC_NOTICE", "CLOSED", "ONGOING"];
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

const problemIds: string[] = [];
const savedEnv = { SMTP_URL: process.env.SMTP_URL, WEBHOOK_URL: process.env.WEBHOOK_URL };

beforeAll(async () => {
  for (const [key, value] of Object.entries(SETTINGS_DEFAULTS)) {
    await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
  process.env.SMTP_URL = "smtp://localhost:1";
  process.env.WEBHOOK_URL = "http://localhost:1/robot";
  const r = rng(20_311);
  const district = await createDistrict(db);
  const bureau = await createUnit(db, { kind: "BUREAU" });
  const units = [
    await createUnit(db, { kind: "DIVISION" }),
    await createUnit(db, { kind: "AGENCY", districtId: district.id }),
    await createUnit(db, { kind: "DIVISION" }), // nobody to tell
  ];
  const [unitA, agency] = units as [(typeof units)[0], (typeof units)[0]];
  // Usernames chosen so the English reader comes first in a list: the webhook copy is still the first Chinese reader's.
  await createUser(db, {
    username: `a-en-${unitA.id}`,
    role: "DIVISION_HEAD",
    unitId: unitA.id,
    locale: "en",
    email: " en@example.test ",
  });
  await createUser(db, { username: `b-zh-${unitA.id}`, role: "DIVISION_HEAD", unitId: unitA.id, email: "zh@example.test" });
  await createUser(db, {
    username: `c-off-${unitA.id}`,
    role: "DIVISION_HEAD",
    unitId: unitA.id,
    active: false,
    email: "gone@example.test",
  });
  await createUser(db, { username: `a-fo-${agency.id}`, role: "FIELD_OFFICER", unitId: agency.id, locale: "en", email: "   " });
  await createUser(db, { username: `b-fo-${agency.id}`, role: "FIELD_OFFICER", unitId: agency.id, locale: "en" });
  await createUser(db, { role: "LEADER", unitId: bureau.id, email: "head@example.test" });
  await createUser(db, { role: "LEADER", unitId: bureau.id, locale: "en" });
  await createUser(db, { role: "LEADER", unitId: bureau.id, active: false });
  const officials = [
    null,
    (await createUser(db, { role: "LEADER", email: "official@example.test" })).id,
    (await createUser(db, { role: "LEADER", locale: "en" })).id,
    (await createUser(db, { role: "LEADER", active: false })).id,
  ];
  const reporter = await createUser(db, { role: "DIVISION_HEAD", unitId: unitA.id, active: false });

  for (let i = 0; i < 140; i++) {
    const status = pick(r, STATUSES);
    const deadline = r() < 0.08 ? null : day(Math.floor(r() * 60) - 35);
    const escalation = pick(r, ESCALATION_LEVELS) as EscalationLevel;
    const p = await createProblem(db, {
      districtId: district.id,
      leadUnitId: pick(r, units).id,
      leadOfficialId: pick(r, officials),
      status,
      deadlineBand: status === "ONGOING" ? "ONGOING" : "SHORT",
      deadline: status === "ONGOING" ? null : deadline,
      escalation,
      title: `${pick(r, TITLES)} ${i}`,
      assignedAt: new Date(day(-Math.floor(r() * 50)).getTime() + Math.floor(r() * 24) * 3_600_000),
    });
    problemIds.push(p.id);
    // The stored level's notice on record for this deadline (armed), for an earlier one (to re-arm), or none.
    const record = r();
    if (escalation !== "NONE" && p.deadline && record < 0.6) {
      const onDeadline = record < 0.4 ? p.deadline : addDays(p.deadline, -30);
      await db.notification.create({
        data: {
          userId: reporter.id,
          problemId: p.id,
          kind: `escalation.${escalation}`,
          title: "旧通知",
          body: "旧通知",
          dedupeKey: `${escalationKey(p.id, onDeadline, escalation)}:${reporter.id}`,
        },
      });
    }
    if (r() < 0.3)
      await createProgressReport(db, { problemId: p.id, reporterId: reporter.id, createdAt: day(-Math.floor(r() * 20)) });
  }
  // A step already sent to one reader (the job skips it for them, and the webhook copy is not sent again).
  const first = await db.problem.findFirstOrThrow({
    where: { id: { in: problemIds }, status: "RECTIFYING", deadline: { lt: day(-16) }, leadUnitId: unitA.id },
  });
  const zhHead = await db.user.findFirstOrThrow({ where: { username: `b-zh-${unitA.id}` } });
  await db.notification.create({
    data: {
      userId: zhHead.id,
      problemId: first.id,
      kind: "escalation.RED",
      title: "已发",
      body: "已发",
      dedupeKey: `${escalationKey(first.id, first.deadline as Date, "RED")}:${zhHead.id}`,
    },
  });
}, 120_000);

afterAll(async () => {
  process.env.SMTP_URL = savedEnv.SMTP_URL;
  process.env.WEBHOOK_URL = savedEnv.WEBHOOK_URL;
  if (savedEnv.SMTP_URL === undefined) delete process.env.SMTP_URL;
  if (savedEnv.WEBHOOK_URL === undefined) delete process.env.WEBHOOK_URL;
  await db.setting.deleteMany({ where: { key: { in: Object.keys(SETTINGS_DEFAULTS) } } });
});

/** The per-row path: the rules of lib/domain, row by row, written through notifyMany and writeAudits. */
async function perRowPath(tx: Tx): Promise<void> {
  const settings = await getSettings(tx);
  const heads = await bureauHeads(tx);
  const reminderFrom = addDays(TODAY, settings.reminderDaysBefore);
  const rows = await tx.problem.findMany({
    where: {
      status: { notIn: ["CLOSED", "ONGOING"] },
      deadline: { not: null },
      OR: [{ deadline: { lte: reminderFrom } }, { escalation: { not: "NONE" } }],
    },
    orderBy: { id: "asc" },
  });
  const notices: Notice[] = [];
  const audits: Parameters<typeof writeAudits>[1][number][] = [];
  const staffOf = await unitStaffOfUnits(
    tx,
    rows.map((r) => r.leadUnitId),
  );
  for (const row of rows.filter(isEscalatable)) {
    const deadline = row.deadline as Date;
    const armed =
      row.escalation !== "NONE" &&
      (await tx.notification.count({
        where: {
          problemId: row.id,
          kind: `escalation.${row.escalation}`,
          dedupeKey: { startsWith: `escalation:${row.id}:${formatCalendarDate(deadline)}:` },
        },
      })) > 0;
    const plan = planEscalation(row.escalation, armed, dueEscalation(deadline, TODAY, settings));
    let moved = false;
    if (plan.level !== row.escalation) {
      await tx.problem.update({ where: { id: row.id }, data: { escalation: plan.level } });
      audits.push({
        actorId: null,
        entityType: "Problem",
        entityId: row.id,
        action: "escalate",
        before: { escalation: row.escalation },
        after: { escalation: plan.level, deadline: formatCalendarDate(deadline) },
      });
      moved = true;
    }
    const notice = plan.notice;
    if (!notice || !(moved || row.escalation === notice)) continue;
    const audience = escalationAudience(notice);
    const daysLeft = daysBetween(TODAY, deadline);
    const vars = {
      code: row.code,
      title: row.title,
      deadline: formatCalendarDate(deadline),
      days: notice === "REMINDED" ? daysLeft : Math.max(0, -daysLeft),
    };
    notices.push({
      recipients: [
        ...(audience.unitHeads ? (staffOf.get(row.leadUnitId) ?? []) : []),
        ...(audience.leadOfficial ? leadOfficialOf(row) : []),
        ...(audience.bureauHeads ? heads : []),
      ],
      kind: `escalation.${notice}`,
      problemId: row.id,
      link: `/problems/${row.id}`,
      dedupeKey: escalationKey(row.id, deadline, notice),
      text: (locale) => noticeText(locale, notice, vars),
    });
  }
  await writeAudits(tx, audits);
  await notifyMany(tx, notices);

  const late = await listLateReporters(LEDGER_READER, {}, { now: NOW });
  const lateStaff = await unitStaffOfUnits(
    tx,
    late.map((u) => u.unitId),
  );
  const lateNotices: Notice[] = [];
  for (const unit of late) {
    for (const p of unit.problems) {
      const cycle = reportCycleIndex(parseCalendarDate(p.dueOn) as Date, TODAY, settings.reportCycleDays);
      const vars = { code: p.code, title: p.title, unit: unit.unitName, dueOn: p.dueOn, days: p.daysLate };
      lateNotices.push({
        recipients: lateStaff.get(unit.unitId) ?? [],
        kind: "report.late",
        problemId: p.id,
        link: `/problems/${p.id}`,
        dedupeKey: `report-late:${p.id}:${p.dueOn}:${cycle}`,
        text: (locale) => noticeText(locale, "lateReport", vars),
      });
    }
  }
  await notifyMany(tx, lateNotices);
}

/** What a path wrote for the generated problems, in a comparable order. */
async function written(tx: Tx) {
  const notifications = await tx.notification.findMany({
    where: { problemId: { in: problemIds } },
    select: { userId: true, problemId: true, kind: true, title: true, body: true, link: true, dedupeKey: true },
    orderBy: { dedupeKey: "asc" },
  });
  const deliveries = (
    await tx.notificationDelivery.findMany({
      where: { notification: { problemId: { in: problemIds } } },
      select: { channel: true, target: true, status: true, notification: { select: { dedupeKey: true } } },
    })
  )
    .map((d) => `${d.notification.dedupeKey} ${d.channel} ${d.target} ${d.status}`)
    .sort();
  const audits = (
    await tx.auditLog.findMany({
      where: { entityType: "Problem", entityId: { in: problemIds }, action: "escalate" },
      select: { actorId: true, entityId: true, action: true, before: true, after: true, requestId: true },
      orderBy: { id: "asc" },
    })
  ).sort((a, b) => a.entityId.localeCompare(b.entityId));
  const levels = await tx.problem.findMany({
    where: { id: { in: problemIds } },
    select: { id: true, escalation: true },
    orderBy: { id: "asc" },
  });
  return { notifications, deliveries, audits, levels };
}

class Rollback extends Error {}

describe("the set-based escalation job writes what the per-row rules write", () => {
  it("same notifications (recipient, kind, text, link, key), copies, audit rows and levels; nothing more on a second run", async () => {
    let expected: Awaited<ReturnType<typeof written>> | undefined;
    await db
      .$transaction(
        async (tx) => {
          await perRowPath(tx);
          expected = await written(tx);
          throw new Rollback();
        },
        { timeout: 120_000 },
      )
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    if (!expected) throw new Error("the per-row path wrote nothing");

    await runEscalation({ now: NOW });
    const actual = await written(db);

    // The generated ledger covers every step, both languages, copies and re-arming.
    const kinds = new Set(expected.notifications.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(["escalation.RED", "escalation.REMINDED", "escalation.YELLOW", "report.late"]);
    expect(expected.notifications.some((n) => n.title.startsWith("Red notice"))).toBe(true);
    expect(expected.notifications.some((n) => n.body.includes("{days}"))).toBe(true);
    expect(expected.deliveries.some((d) => d.includes(" WEBHOOK "))).toBe(true);
    expect(expected.audits.some((a) => (a.after as { escalation: string }).escalation === "NONE")).toBe(true);
    expect(expected.audits.length).toBeGreaterThan(20);

    expect(actual.notifications).toEqual(expected.notifications);
    expect(actual.deliveries).toEqual(expected.deliveries);
    expect(actual.audits).toEqual(expected.audits);
    expect(actual.levels).toEqual(expected.levels);
    for (const level of actual.levels) expect(escalationRank(level.escalation)).toBeGreaterThanOrEqual(0);

    await runEscalation({ now: NOW });
    expect(await written(db)).toEqual(actual);
  }, 180_000);
});
