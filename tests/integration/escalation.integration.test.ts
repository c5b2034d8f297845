import type { User } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as atRiskRoute } from "@/app/api/v1/escalation/at-risk/route";
import { db } from "@/lib/db";
import { addDays, formatCalendarDate, parseCalendarDate } from "@/lib/domain/calendar";
import { SETTINGS_DEFAULTS } from "@/lib/domain/settings";
import { listAtRisk } from "@/lib/server/escalation/list-at-risk";
import { runEscalation } from "@/lib/server/escalation/run-escalation";
import { decideExtension } from "@/lib/server/extensions/decide-extension";
import { requestExtension } from "@/lib/server/extensions/request-extension";
import { createProgressReport } from "@/lib/server/reports/create-progress-report";
import { createProblem, createUnit, createUser } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type Person, signedIn, type World } from "../support/world";

/**
 * The escalation job, run with the clock moved across a deadline: reminder → yellow notice → red
 * notice, each exactly once, the at-risk list, an approved extension re-arming the ladder, and
 * late-report reminders once per cycle.
 */
const day = (s: string) => parseCalendarDate(s) as Date;
/** 09:00 in Shanghai on that calendar day. */
const at = (d: Date) => new Date(d.getTime() + 3_600_000);

const DEADLINE = day("2031-03-31");

let world: World;
let secondHead: User;
let englishHead: User;
let retiredHead: User;
let bureauHead: Person;

beforeAll(async () => {
  world = await createWorld();
  // The thresholds this file relies on, whatever another file stored.
  for (const [key, value] of Object.entries(SETTINGS_DEFAULTS)) {
    await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
  secondHead = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id });
  englishHead = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id, locale: "en" });
  retiredHead = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id, active: false });
  const bureau = await createUnit(db, { kind: "BUREAU" });
  bureauHead = await signedIn(await createUser(db, { role: "LEADER", unitId: bureau.id }));
});

afterAll(async () => {
  await db.setting.deleteMany({ where: { key: { in: Object.keys(SETTINGS_DEFAULTS) } } });
});

function problemFor(deadline: Date, overrides: Parameters<typeof createProblem>[1] = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "RECTIFYING",
    assignedAt: addDays(deadline, -200),
    deadline,
    ...overrides,
  });
}

async function escalationNotices(problemId: string) {
  return db.notification.findMany({
    where: { problemId, kind: { startsWith: "escalation." } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
}

async function stored(problemId: string) {
  return db.problem.findUniqueOrThrow({ where: { id: problemId }, select: { escalation: true, colour: true } });
}

const headsOfA = () => [world.headA.user.id, secondHead.id, englishHead.id].sort();

describe("the escalation ladder across a deadline", () => {
  let problemId: string;
  let code: string;

  beforeAll(async () => {
    const p = await problemFor(DEADLINE);
    problemId = p.id;
    code = p.code;
  });

  it("before the reminder day: nothing", async () => {
    await runEscalation({ now: at(addDays(DEADLINE, -8)) });
    expect(await escalationNotices(problemId)).toEqual([]);
    expect((await stored(problemId)).escalation).toBe("NONE");
  });

  it("on the reminder day: REMINDED, one reminder per active head of the lead unit, in their language", async () => {
    const run = await runEscalation({ now: at(addDays(DEADLINE, -7)) });
    expect(run.reminded).toBeGreaterThanOrEqual(1);
    expect((await stored(problemId)).escalation).toBe("REMINDED");
    const notices = await escalationNotices(problemId);
    expect(notices.map((n) => n.userId).sort()).toEqual(headsOfA());
    expect(notices.every((n) => n.kind === "escalation.REMINDED" && n.link === `/problems/${problemId}`)).toBe(true);
    expect(notices.map((n) => n.userId)).not.toContain(retiredHead.id);
    expect(notices.map((n) => n.userId)).not.toContain(world.leader.user.id);
    const zh = notices.find((n) => n.userId === world.headA.user.id);
    expect(zh?.title).toBe(`整改期限提醒：${code}`);
    expect(zh?.body).toContain("2031-03-31");
    expect(zh?.body).toContain("还剩 7 天");
    expect(notices.find((n) => n.userId === englishHead.id)?.title).toBe(`Deadline reminder: ${code}`);
    const audit = await db.auditLog.findMany({ where: { entityType: "Problem", entityId: problemId, action: "escalate" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: null,
      before: { escalation: "NONE" },
      after: { escalation: "REMINDED", deadline: "2031-03-31" },
    });
  });

  it("run again the same day and the next days: nothing new", async () => {
    await runEscalation({ now: at(addDays(DEADLINE, -7)) });
    await runEscalation({ now: new Date(at(addDays(DEADLINE, -7)).getTime() + 8 * 3_600_000) });
    await runEscalation({ now: at(addDays(DEADLINE, -1)) });
    expect(await escalationNotices(problemId)).toHaveLength(3);
    expect(await db.auditLog.count({ where: { entityId: problemId, action: "escalate" } })).toBe(1);
  });

  it("on the deadline day: YELLOW, the yellow notice to the lead official and the heads", async () => {
    await runEscalation({ now: at(DEADLINE) });
    expect((await stored(problemId)).escalation).toBe("YELLOW");
    const yellow = (await escalationNotices(problemId)).filter((n) => n.kind === "escalation.YELLOW");
    expect(yellow.map((n) => n.userId).sort()).toEqual([...headsOfA(), world.leader.user.id].sort());
    expect(yellow.find((n) => n.userId === world.leader.user.id)?.title).toBe(`黄牌督办：${code}`);
    expect(yellow.map((n) => n.userId)).not.toContain(bureauHead.user.id);
  });

  it("overdue but not yet red: nothing new, and the problem is graded RED (overdue)", async () => {
    const before = (await escalationNotices(problemId)).length;
    await runEscalation({ now: at(addDays(DEADLINE, 14)) });
    expect(await escalationNotices(problemId)).toHaveLength(before);
    expect(await stored(problemId)).toEqual({ escalation: "YELLOW", colour: "RED" });
  });

  it("after redOverdueDays overdue days: RED, the red notice to the bureau heads and the lead official", async () => {
    await runEscalation({ now: at(addDays(DEADLINE, 15)) });
    expect((await stored(problemId)).escalation).toBe("RED");
    const red = (await escalationNotices(problemId)).filter((n) => n.kind === "escalation.RED");
    const to = red.map((n) => n.userId);
    expect(to).toContain(bureauHead.user.id);
    expect(to).toContain(world.leader.user.id);
    expect(new Set(to).size).toBe(to.length);
    expect(red.find((n) => n.userId === bureauHead.user.id)?.body).toContain("已逾期 15 天");
    await runEscalation({ now: at(addDays(DEADLINE, 40)) });
    expect((await escalationNotices(problemId)).filter((n) => n.kind === "escalation.RED")).toHaveLength(red.length);
  });

  it("a red problem is on the leaders' at-risk list, within each caller's scope", async () => {
    const forLeader = await call(atRiskRoute, "GET", "/escalation/at-risk?pageSize=100", { token: bureauHead.token });
    expect(forLeader.status, forLeader.text).toBe(200);
    const page = forLeader.body as { items: { id: string; escalation: string; colour: string }[]; total: number };
    const all = [...page.items];
    for (let p = 2; all.length < page.total; p++) {
      const next = await call(atRiskRoute, "GET", `/escalation/at-risk?pageSize=100&page=${p}`, { token: bureauHead.token });
      all.push(...(next.body as typeof page).items);
    }
    expect(all.find((i) => i.id === problemId)).toMatchObject({ escalation: "RED", colour: "RED" });
    expect(all.filter((i) => i.escalation !== "RED").every((i) => i.colour === "RED")).toBe(true);
    const own = (await call(atRiskRoute, "GET", "/escalation/at-risk?pageSize=100", { token: world.headA.token }))
      .body as typeof page;
    expect(own.items.map((i) => i.id)).toContain(problemId);
    const other = (await call(atRiskRoute, "GET", "/escalation/at-risk?pageSize=100", { token: world.headB.token }))
      .body as typeof page;
    expect(other.items.map((i) => i.id)).not.toContain(problemId);
    const officerB = (await call(atRiskRoute, "GET", "/escalation/at-risk?pageSize=100", { token: world.officerB.token }))
      .body as typeof page;
    expect(officerB.items.map((i) => i.id)).not.toContain(problemId);
  });

  it("an approved extension re-arms the ladder for the new deadline", async () => {
    const newDeadline = addDays(DEADLINE, 90);
    const now = at(addDays(DEADLINE, 16));
    const requested = await requestExtension(
      world.headA.actor,
      problemId,
      { newDeadline: formatCalendarDate(newDeadline), reason: "汛期无法施工，申请延期" },
      { now },
    );
    await decideExtension(world.leader.actor, requested.id, { decision: "APPROVE", version: requested.version }, { now });
    expect((await stored(problemId)).escalation).toBe("NONE");
    const before = (await escalationNotices(problemId)).length;

    await runEscalation({ now: at(addDays(newDeadline, -8)) });
    expect((await stored(problemId)).escalation).toBe("NONE");
    expect(await escalationNotices(problemId)).toHaveLength(before);

    await runEscalation({ now: at(addDays(newDeadline, -7)) });
    expect((await stored(problemId)).escalation).toBe("REMINDED");
    const reminders = (await escalationNotices(problemId)).filter(
      (n) => n.kind === "escalation.REMINDED" && n.dedupeKey.includes(formatCalendarDate(newDeadline)),
    );
    expect(reminders.map((n) => n.userId).sort()).toEqual(headsOfA());
    await runEscalation({ now: at(addDays(newDeadline, -7)) });
    expect(await escalationNotices(problemId)).toHaveLength(before + 3);
  });

  it("leaves the at-risk list once the red deadline is extended and the problem is no longer red", async () => {
    const list = (await call(atRiskRoute, "GET", "/escalation/at-risk?pageSize=100", { token: world.headA.token })).body as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).not.toContain(problemId);
  });
});

describe("deadline moved without a reset", () => {
  it("a level that belongs to an earlier deadline starts again; for the same deadline it never goes down", async () => {
    const first = day("2031-05-31");
    const p = await problemFor(first);
    await runEscalation({ now: at(addDays(first, 20)) });
    expect((await stored(p.id)).escalation).toBe("RED");
    // The ledger row's deadline edited directly (not through an extension), escalation left as it was.
    const later = day("2031-12-31");
    await db.problem.update({ where: { id: p.id }, data: { deadline: later } });
    const run = await runEscalation({ now: at(addDays(first, 21)) });
    expect(run.rearmed).toBeGreaterThanOrEqual(1);
    expect((await stored(p.id)).escalation).toBe("NONE");
    await runEscalation({ now: at(addDays(later, -3)) });
    expect((await stored(p.id)).escalation).toBe("REMINDED");
    // Looser settings do not pull a level down for the same deadline.
    await db.setting.update({ where: { key: "reminderDaysBefore" }, data: { value: 1 } });
    try {
      await runEscalation({ now: at(addDays(later, -2)) });
      expect((await stored(p.id)).escalation).toBe("REMINDED");
    } finally {
      await db.setting.update({ where: { key: "reminderDaysBefore" }, data: { value: SETTINGS_DEFAULTS.reminderDaysBefore } });
    }
  });
});

describe("what the ladder leaves alone", () => {
  it("closed and long-term problems, and problems without a deadline, get no notice", async () => {
    const d = day("2031-07-31");
    const closed = await problemFor(d, { status: "CLOSED" });
    const ongoing = await problemFor(d, { status: "ONGOING", deadlineBand: "ONGOING", deadline: null });
    const ongoingWithDate = await problemFor(d, { status: "ONGOING" });
    await runEscalation({ now: at(addDays(d, 30)) });
    for (const p of [closed, ongoing, ongoingWithDate]) {
      expect(await escalationNotices(p.id)).toEqual([]);
      expect((await stored(p.id)).escalation).toBe("NONE");
    }
  });

  it("a problem registered already overdue gets the red notice only, not the steps it skipped", async () => {
    const d = day("2031-08-31");
    const p = await problemFor(d);
    await runEscalation({ now: at(addDays(d, 60)) });
    const kinds = new Set((await escalationNotices(p.id)).map((n) => n.kind));
    expect([...kinds]).toEqual(["escalation.RED"]);
  });
});

describe("idempotent under concurrency", () => {
  it("two runs at the same time send each notice once and move the problem once", async () => {
    const d = day("2031-09-30");
    const p = await problemFor(d);
    const now = at(d);
    const [a, b] = await Promise.all([runEscalation({ now }), runEscalation({ now })]);
    const notices = await escalationNotices(p.id);
    expect(notices.map((n) => n.userId).sort()).toEqual([...headsOfA(), world.leader.user.id].sort());
    expect(await db.auditLog.count({ where: { entityId: p.id, action: "escalate" } })).toBe(1);
    expect(a.notificationsCreated + b.notificationsCreated).toBeGreaterThanOrEqual(notices.length);
    expect((await stored(p.id)).escalation).toBe("YELLOW");
  });
});

describe("colour grades are recomputed daily", () => {
  it("a GREEN problem whose deadline passed becomes RED; a closed one stays BLUE", async () => {
    const d = day("2031-10-31");
    const p = await problemFor(d, { colour: "GREEN", measures: [{ percent: 40 }] });
    const closed = await problemFor(d, { status: "CLOSED", colour: "BLUE" });
    await runEscalation({ now: at(addDays(d, -100)) });
    expect((await stored(p.id)).colour).toBe("GREEN");
    await runEscalation({ now: at(addDays(d, 1)) });
    expect((await stored(p.id)).colour).toBe("RED");
    expect((await stored(closed.id)).colour).toBe("BLUE");
  });
});

describe("late-report reminders", () => {
  it("the lead unit's staff hear once per report cycle until they report", async () => {
    const start = day("2032-01-01");
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.agencyA.id,
      leadOfficialId: world.leader.user.id,
      status: "RECTIFYING",
      assignedAt: at(start),
      deadline: day("2033-12-31"),
    });
    const notices = () =>
      db.notification.findMany({ where: { problemId: p.id, kind: "report.late" }, orderBy: { createdAt: "asc" } });

    // Due on day 10, late after 2 grace days.
    await runEscalation({ now: at(addDays(start, 12)) });
    expect(await notices()).toEqual([]);
    const late = await runEscalation({ now: at(addDays(start, 13)) });
    expect(late.lateReporters).toBeGreaterThanOrEqual(1);
    const first = await notices();
    expect(first.map((n) => n.userId)).toEqual([world.officerA.user.id]);
    expect(first[0]?.title).toBe(`整改进展报送逾期：${p.code}`);
    expect(first[0]?.body).toContain(world.agencyA.name);

    await runEscalation({ now: at(addDays(start, 13)) });
    await runEscalation({ now: at(addDays(start, 19)) });
    expect(await notices()).toHaveLength(1);
    await runEscalation({ now: at(addDays(start, 20)) });
    expect(await notices()).toHaveLength(2);

    await createProgressReport(
      world.officerA.actor,
      p.id,
      { text: "已完成清淤，正在复核", percent: 30 },
      { now: at(addDays(start, 21)) },
    );
    await runEscalation({ now: at(addDays(start, 30)) });
    expect(await notices()).toHaveLength(2);
    await runEscalation({ now: at(addDays(start, 34)) });
    expect(await notices()).toHaveLength(3);
  });
});

describe("GET /escalation/at-risk", () => {
  it("answers malformed queries with 422 and the anonymous with 401", async () => {
    for (const q of ["?page=0", "?pageSize=abc", "?colour=RED"]) {
      const r = await call(atRiskRoute, "GET", `/escalation/at-risk${q}`, { token: world.leader.token });
      expect(r.status).toBe(422);
      expect(Object.keys(errorOf(r).fields ?? {})).not.toHaveLength(0);
    }
    expect((await call(atRiskRoute, "GET", "/escalation/at-risk")).status).toBe(401);
  });

  it("lists open red problems only: not closed ones, and a red notice no longer counts once a problem is long-term", async () => {
    const d = day("2031-11-30");
    const closed = await problemFor(d, { status: "CLOSED", escalation: "RED", colour: "BLUE" });
    const ongoingNotice = await problemFor(d, { status: "ONGOING", escalation: "RED", colour: "GREEN" });
    const ongoingReturned = await problemFor(d, { status: "ONGOING", colour: "RED", returnCount: 2 });
    const yellow = await problemFor(d, { escalation: "YELLOW", colour: "YELLOW" });
    const ids = (await listAtRisk(world.headA.actor, { pageSize: "100" })).items.map((i) => i.id);
    expect(ids).toContain(ongoingReturned.id);
    for (const p of [closed, ongoingNotice, yellow]) expect(ids).not.toContain(p.id);
  });

  it("every role may read it", async () => {
    for (const person of [world.admin, world.leader, world.coordinator, world.headA, world.officerA, world.viewer]) {
      expect((await call(atRiskRoute, "GET", "/escalation/at-risk", { token: person.token })).status).toBe(200);
    }
  });
});
