import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as decideObjectionRoute } from "@/app/api/v1/objections/[id]/decision/route";
import { POST as acceptanceRoute } from "@/app/api/v1/problems/[id]/acceptance/route";
import { GET as closureRoute } from "@/app/api/v1/problems/[id]/closure/route";
import { GET as checklistRoute } from "@/app/api/v1/problems/[id]/closure-checklist/route";
import { POST as lookbackRoute } from "@/app/api/v1/problems/[id]/lookback/route";
import { POST as endNoticeRoute } from "@/app/api/v1/problems/[id]/notice/end/route";
import { GET as getProblemRoute } from "@/app/api/v1/problems/[id]/route";
import { POST as signOffRoute } from "@/app/api/v1/problems/[id]/sign-off/route";
import { GET as getTransitionsRoute, POST as transitionRoute } from "@/app/api/v1/problems/[id]/transitions/route";
import { POST as objectionRoute } from "@/app/api/v1/public/notices/[noticeId]/objections/route";
import { GET as publicNoticesRoute } from "@/app/api/v1/public/notices/route";
import { db } from "@/lib/db";
import { addDays, bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { endNotice } from "@/lib/server/closure/end-notice";
import { getSettings } from "@/lib/server/settings/get-settings";
import { calendarDay, createProblem, type ProblemOverrides } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { addEvidence, completeChecklist } from "../support/closure-evidence";
import { allowConsoleError } from "../support/console-guard";
import { createPerson, createWorld, type Person, type World } from "../support/world";

type Closure = {
  status: string;
  version: number;
  acceptances: { id: string; result: string; opinion: string; signers: string[]; acceptedOn: string }[];
  notices: {
    id: string;
    acceptanceId: string | null;
    status: string;
    startsOn: string;
    endsOn: string;
    objections: { id: string; status: string; contact: string | null; handlingNote: string | null }[];
  }[];
  closures: {
    id: string;
    acceptanceId: string | null;
    noticeId: string | null;
    reopenedAt: string | null;
    reopenReason: string | null;
  }[];
  checklist: { complete: boolean; accepted: boolean; missing: string[]; items: { kind: string; state: string; count: number }[] };
  allowedActions: string[];
};
type Problem = {
  status: string;
  version: number;
  returnCount: number;
  relapse: boolean;
  allowedActions?: { action: string; method: string; href: string }[];
};

let world: World;
let otherLeader: Person;
let seq = 0;

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
});

/** A fresh client address per call site, so the per-sender objection limit of one test never touches another. */
function freshIp(): string {
  seq += 1;
  return `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${seq % 250}`;
}

function problemOf(overrides: ProblemOverrides = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    category: "WATER",
    ...overrides,
  });
}

const post = (route: unknown, path: string, id: string, json: unknown, who: Person | null, headers?: Record<string, string>) =>
  call(route, "POST", path, { token: who?.token ?? null, params: { id, noticeId: id }, json, headers });

async function closureOf(id: string, who: Person = world.coordinator): Promise<Closure> {
  const r = await call(closureRoute, "GET", `/problems/${id}/closure`, { token: who.token, params: { id } });
  expect(r.status, r.text).toBe(200);
  return r.body as Closure;
}

async function problemBody(id: string, who: Person = world.coordinator): Promise<Problem> {
  const r = await call(getProblemRoute, "GET", `/problems/${id}`, { token: who.token, params: { id } });
  expect(r.status, r.text).toBe(200);
  return r.body as Problem;
}

const today = () => formatCalendarDate(bureauToday());

function passed(version: number, notice: Record<string, unknown> = {}) {
  return {
    result: "PASSED",
    acceptedOn: today(),
    onSiteCheck: true,
    opinion: "现场核查整改到位，监测数据达标，同意通过验收",
    signers: ["王敏", "李强"],
    version,
    notice: {
      phone: "0510-81821234",
      email: "ducha@wuxi-eeb.example",
      summary: "已完成截污纳管和清淤，水质稳定达标。",
      ...notice,
    },
  };
}

function failed(version: number, opinion = "现场核查发现仍有渗漏，验收不通过") {
  return { result: "FAILED", acceptedOn: today(), onSiteCheck: true, opinion, signers: ["王敏"], version };
}

/** The instant the bureau's calendar shows `day` (10:00 in Shanghai). */
const onDay = (day: string) => new Date(`${day}T02:00:00Z`);

describe("the closure walk, RECTIFYING → CLOSED → look-back", () => {
  it("every step by the right person, with its records, refusals, audit rows and notices", async () => {
    const settings = await getSettings();
    const p = await problemOf({ status: "RECTIFYING", measures: [{ status: "DONE" }, { status: "DONE" }] });
    const head = world.headA;

    // Nothing submitted: the checklist lists every required kind as missing, and applying is refused naming them.
    const empty = await call(checklistRoute, "GET", `/problems/${p.id}/closure-checklist`, {
      token: head.token,
      params: { id: p.id },
    });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      category: "WATER",
      missing: ["BEFORE_PHOTO", "AFTER_PHOTO", "MONITORING_REPORT"],
      complete: false,
      accepted: false,
    });
    expect((await problemBody(p.id, head)).allowedActions).toEqual([]);
    const refused = await post(transitionRoute, "/x", p.id, { action: "APPLY_ACCEPTANCE", version: 1 }, head);
    expect(refused.status).toBe(422);
    expect(errorOf(refused).fields?.action?.[0]).toBe(
      "Closure materials are missing or were returned: BEFORE_PHOTO (Before photo), AFTER_PHOTO (After photo), MONITORING_REPORT (Monitoring report)",
    );

    // Some evidence: a returned report still counts as missing; its corrected version awaiting review does not.
    const before = await addEvidence(p.id, world.officerA.user.id, "BEFORE_PHOTO", "ACCEPTED");
    const after = await addEvidence(p.id, world.officerA.user.id, "AFTER_PHOTO", "PENDING");
    const report = await addEvidence(p.id, world.officerA.user.id, "MONITORING_REPORT", "RETURNED");
    const stillMissing = await post(transitionRoute, "/x", p.id, { action: "APPLY_ACCEPTANCE", version: 1 }, head, {
      "accept-language": "zh-CN",
    });
    expect(errorOf(stillMissing).fields?.action?.[0]).toBe("销号材料缺失或被退回：MONITORING_REPORT (监测报告)");
    const report2 = await addEvidence(p.id, world.officerA.user.id, "MONITORING_REPORT", "PENDING", report.id);
    const submitted = await closureOf(p.id, head);
    expect(submitted.checklist).toMatchObject({ complete: true, accepted: false, missing: [] });
    expect(submitted.checklist.items.map((i) => [i.kind, i.state, i.count])).toEqual([
      ["BEFORE_PHOTO", "ACCEPTED", 1],
      ["AFTER_PHOTO", "SUBMITTED", 1],
      ["MONITORING_REPORT", "SUBMITTED", 1],
    ]);
    expect((await problemBody(p.id, head)).allowedActions?.map((a) => a.action)).toEqual(["APPLY_ACCEPTANCE"]);

    const applied = await post(transitionRoute, "/x", p.id, { action: "APPLY_ACCEPTANCE", version: 1 }, head);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body).toMatchObject({ status: "PENDING_ACCEPTANCE", version: 2 });

    // Acceptance cannot pass while materials await review, but it may fail.
    expect((await closureOf(p.id)).allowedActions).toEqual(["FAIL_ACCEPTANCE"]);
    const early = await post(acceptanceRoute, "/x", p.id, passed(2), world.coordinator);
    expect(early.status).toBe(422);
    expect(errorOf(early).fields?.result?.[0]).toBe(
      "Acceptance cannot pass before every required material is reviewed and accepted: AFTER_PHOTO (After photo), MONITORING_REPORT (Monitoring report)",
    );
    const fail = await post(acceptanceRoute, "/x", p.id, failed(2), world.coordinator);
    expect(fail.status, fail.text).toBe(201);
    expect(fail.body).toMatchObject({
      status: "RECTIFYING",
      version: 3,
      acceptances: [{ result: "FAILED", signers: ["王敏"] }],
      notices: [],
    });
    expect(await problemBody(p.id)).toMatchObject({ status: "RECTIFYING", returnCount: 1 });

    // Reviewed and accepted; apply again and pass: the notice opens today for noticeDays.
    await db.evidence.updateMany({
      where: { id: { in: [after.id, report2.id, before.id] } },
      data: { reviewStatus: "ACCEPTED" },
    });
    expect((await post(transitionRoute, "/x", p.id, { action: "APPLY_ACCEPTANCE", version: 3 }, head)).status).toBe(200);
    expect((await closureOf(p.id)).allowedActions).toEqual(["FAIL_ACCEPTANCE", "PASS_ACCEPTANCE"]);
    const pass = await post(acceptanceRoute, "/x", p.id, passed(4), world.coordinator);
    expect(pass.status, pass.text).toBe(201);
    const inNotice = pass.body as Closure;
    expect(inNotice).toMatchObject({ status: "PUBLIC_NOTICE", version: 5 });
    const notice1 = inNotice.notices[0] as Closure["notices"][number];
    expect(notice1).toMatchObject({
      status: "OPEN",
      startsOn: today(),
      endsOn: formatCalendarDate(addDays(bureauToday(), settings.noticeDays)),
      acceptanceId: inNotice.acceptances[0]?.id,
    });
    expect(
      (await db.notification.findMany({ where: { problemId: p.id, kind: "workflow.PASS_ACCEPTANCE" } })).map((n) => n.userId),
    ).toEqual(expect.arrayContaining([world.headA.user.id, world.leader.user.id]));

    // The public sees it and objects; the coordinators hear of it. The same sender is limited per hour.
    const list = await call(publicNoticesRoute, "GET", "/public/notices");
    expect((list.body as { items: { noticeId: string }[] }).items.map((i) => i.noticeId)).toContain(notice1.id);
    const ip = freshIp();
    const objection = await post(
      objectionRoute,
      "/x",
      notice1.id,
      { name: "张先生", contact: "13800001111", text: "河道仍有异味，整改不彻底", website: "" },
      null,
      {
        "x-rectify-client-address": ip,
      },
    );
    expect(objection.status, objection.text).toBe(201);
    expect(objection.body).toEqual({ received: true });
    const heard = await db.notification.findMany({ where: { problemId: p.id, kind: "objection.received" } });
    expect(heard.map((n) => n.userId)).toContain(world.coordinator.user.id);
    expect(heard[0]?.body).toContain("河道仍有异味");
    const stored = await db.objection.findFirstOrThrow({ where: { noticeId: notice1.id } });
    expect(stored.senderHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(ip);
    for (let i = 1; i < settings.objectionsPerHour; i++) {
      const again = await post(objectionRoute, "/x", notice1.id, { contact: "13800001111", text: `补充意见${i}` }, null, {
        "x-rectify-client-address": ip,
      });
      expect(again.status, again.text).toBe(201);
    }
    const limited = await post(objectionRoute, "/x", notice1.id, { contact: "13800001111", text: "再次反映" }, null, {
      "x-rectify-client-address": ip,
    });
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    // Another sender is not held back by the first one's limit.
    const other = await post(objectionRoute, "/x", notice1.id, { contact: "other@example.com", text: "支持销号" }, null, {
      "x-rectify-client-address": freshIp(),
    });
    expect(other.status).toBe(201);

    // The coordinator sees the contact; a viewer does not.
    expect((await closureOf(p.id)).notices[0]?.objections.some((o) => o.contact === "13800001111")).toBe(true);
    expect((await closureOf(p.id, world.viewer)).notices[0]?.objections.every((o) => o.contact === null)).toBe(true);

    // Upheld: the notice is withdrawn and the problem goes back to acceptance.
    const uphold = await post(
      decideObjectionRoute,
      "/x",
      stored.id,
      { decision: "UPHOLD", note: "经复核异议属实，重新组织验收", version: 5 },
      world.coordinator,
    );
    expect(uphold.status, uphold.text).toBe(200);
    expect(uphold.body).toMatchObject({
      status: "PENDING_ACCEPTANCE",
      version: 6,
      notices: [{ id: notice1.id, status: "WITHDRAWN" }],
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: "UPHELD",
      handledById: world.coordinator.user.id,
      handlingNote: "经复核异议属实，重新组织验收",
    });
    const afterWithdraw = await call(publicNoticesRoute, "GET", "/public/notices");
    expect((afterWithdraw.body as { items: { noticeId: string }[] }).items.map((i) => i.noticeId)).not.toContain(notice1.id);
    const late = await post(objectionRoute, "/x", notice1.id, { contact: "1", text: "迟到的异议" }, null, {
      "x-rectify-client-address": freshIp(),
    });
    expect(late.status).toBe(422);
    expect(errorOf(late).fields?._).toEqual(["This notice is no longer open for objections"]);
    const twice = await post(
      decideObjectionRoute,
      "/x",
      stored.id,
      { decision: "DISMISS", note: "重复处理", version: 6 },
      world.coordinator,
    );
    expect(twice.status).toBe(422);

    // Passed again: a new notice. An objection is pending, so the notice cannot end; dismissed, it can — but not before its end date.
    const pass2 = await post(acceptanceRoute, "/x", p.id, passed(6, { startsOn: today() }), world.coordinator);
    expect(pass2.status, pass2.text).toBe(201);
    const notice2 = (pass2.body as Closure).notices[0] as Closure["notices"][number];
    expect(notice2.status).toBe("OPEN");
    const o2 = await post(objectionRoute, "/x", notice2.id, { contact: "13900002222", text: "担心反弹" }, null, {
      "x-rectify-client-address": freshIp(),
    });
    expect(o2.status).toBe(201);
    const running = await post(endNoticeRoute, "/x", p.id, { version: 7 }, world.coordinator);
    expect(running.status).toBe(422);
    expect(errorOf(running).fields?.action?.[0]).toBe(
      `The notice period runs until ${notice2.endsOn}; it can be ended from that day on`,
    );
    await expect(endNotice(world.coordinator.actor, p.id, { version: 7 }, { now: onDay(notice2.endsOn) })).rejects.toMatchObject({
      status: 422,
      fields: { action: ["1 objection(s) are still pending; handle them first"] },
    });
    const o2row = await db.objection.findFirstOrThrow({ where: { noticeId: notice2.id } });
    const dismiss = await post(
      decideObjectionRoute,
      "/x",
      o2row.id,
      { decision: "DISMISS", note: "经核实已落实长效监管", version: 7 },
      world.coordinator,
    );
    expect(dismiss.status, dismiss.text).toBe(200);
    expect(dismiss.body).toMatchObject({ status: "PUBLIC_NOTICE", version: 7 });
    const dayBefore = formatCalendarDate(addDays(new Date(`${notice2.endsOn}T00:00:00Z`), -1));
    await expect(endNotice(world.coordinator.actor, p.id, { version: 7 }, { now: onDay(dayBefore) })).rejects.toMatchObject({
      status: 422,
    });
    const ended = await endNotice(world.coordinator.actor, p.id, { version: 7 }, { now: onDay(notice2.endsOn) });
    expect(ended).toMatchObject({ status: "PENDING_SIGNOFF", version: 8 });
    expect(ended.notices[0]).toMatchObject({ id: notice2.id, status: "ENDED" });

    // The lead official returns the closure with a reason, then (after a new round) signs it.
    const noReason = await post(signOffRoute, "/x", p.id, { decision: "RETURN", version: 8 }, world.leader);
    expect(noReason.status).toBe(422);
    expect(errorOf(noReason).fields?.comment).toBeDefined();
    expect((await post(signOffRoute, "/x", p.id, { decision: "SIGN", version: 8 }, otherLeader)).status).toBe(403);
    expect((await post(signOffRoute, "/x", p.id, { decision: "SIGN", version: 8 }, world.coordinator)).status).toBe(403);
    const returned = await post(
      signOffRoute,
      "/x",
      p.id,
      { decision: "RETURN", comment: "长效机制材料不全，退回补充", version: 8 },
      world.leader,
    );
    expect(returned.status, returned.text).toBe(200);
    expect(await problemBody(p.id)).toMatchObject({ status: "RECTIFYING", version: 9, returnCount: 2 });

    expect((await post(transitionRoute, "/x", p.id, { action: "APPLY_ACCEPTANCE", version: 9 }, head)).status).toBe(200);
    const pass3 = await post(
      acceptanceRoute,
      "/x",
      p.id,
      passed(10, { endsOn: formatCalendarDate(addDays(bureauToday(), 10)) }),
      world.coordinator,
    );
    expect(pass3.status, pass3.text).toBe(201);
    const notice3 = (pass3.body as Closure).notices[0] as Closure["notices"][number];
    expect(notice3.endsOn).toBe(formatCalendarDate(addDays(bureauToday(), 10)));
    await endNotice(world.coordinator.actor, p.id, { version: 11 }, { now: onDay(notice3.endsOn) });
    const signed = await post(signOffRoute, "/x", p.id, { decision: "SIGN", comment: "同意销号", version: 12 }, world.leader);
    expect(signed.status, signed.text).toBe(200);
    const closed = signed.body as Closure;
    expect(closed).toMatchObject({ status: "CLOSED", version: 13 });
    expect(closed.closures).toHaveLength(1);
    expect(closed.closures[0]).toMatchObject({ acceptanceId: closed.acceptances[0]?.id, noticeId: notice3.id, reopenedAt: null });
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).closedAt).not.toBeNull();

    // Look-back: a relapse. Back to rectification, flagged; the old closure stays, marked reopened.
    const noFinding = await post(lookbackRoute, "/x", p.id, { reason: "  ", version: 13 }, world.coordinator);
    expect(noFinding.status).toBe(422);
    expect(errorOf(noFinding).fields?.reason).toBeDefined();
    const reopened = await post(
      lookbackRoute,
      "/x",
      p.id,
      { reason: "“回头看”发现河道再次出现黑臭", version: 13 },
      world.coordinator,
    );
    expect(reopened.status, reopened.text).toBe(200);
    const back = reopened.body as Closure;
    expect(back).toMatchObject({ status: "RECTIFYING", version: 14 });
    expect(back.closures).toHaveLength(1);
    expect(back.closures[0]).toMatchObject({ reopenReason: "“回头看”发现河道再次出现黑臭" });
    expect(back.closures[0]?.reopenedAt).not.toBeNull();
    expect(back.acceptances.map((a) => a.result)).toEqual(["PASSED", "PASSED", "PASSED", "FAILED"]);
    expect(back.notices.map((n) => n.status)).toEqual(["ENDED", "ENDED", "WITHDRAWN"]);
    const problem = await db.problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(problem).toMatchObject({ relapse: true, closedAt: null, status: "RECTIFYING" });

    const history = await call(getTransitionsRoute, "GET", `/problems/${p.id}/transitions`, {
      token: world.viewer.token,
      params: { id: p.id },
    });
    // The notice ends were taken at an injected later time, so compare the steps, not their order.
    expect((history.body as { items: { action: string }[] }).items.map((s) => s.action).sort()).toEqual(
      [
        "APPLY_ACCEPTANCE",
        "FAIL_ACCEPTANCE",
        "APPLY_ACCEPTANCE",
        "PASS_ACCEPTANCE",
        "UPHOLD_OBJECTION",
        "PASS_ACCEPTANCE",
        "END_NOTICE",
        "RETURN_SIGNOFF",
        "APPLY_ACCEPTANCE",
        "PASS_ACCEPTANCE",
        "END_NOTICE",
        "SIGN_OFF",
        "LOOKBACK_REOPEN",
      ].sort(),
    );
    const audits = await db.auditLog.groupBy({
      by: ["entityType"],
      where: { OR: [{ entityId: p.id }, { entityType: { in: ["Acceptance", "PublicNotice", "ProblemClosure", "Objection"] } }] },
      _count: true,
    });
    const count = (t: string) => audits.find((a) => a.entityType === t)?._count ?? 0;
    expect(count("Problem")).toBe(13);
    expect(count("Acceptance")).toBeGreaterThanOrEqual(4);
  });
});

describe("refusals", () => {
  it("the transitions endpoint refuses closure steps, naming each one's route", async () => {
    const p = await problemOf({ status: "PENDING_ACCEPTANCE", measures: [{ status: "DONE" }] });
    const cases = [
      ["PASS_ACCEPTANCE", "POST /api/v1/problems/{id}/acceptance"],
      ["FAIL_ACCEPTANCE", "POST /api/v1/problems/{id}/acceptance"],
      ["END_NOTICE", "POST /api/v1/problems/{id}/notice/end"],
      ["UPHOLD_OBJECTION", "POST /api/v1/objections/{id}/decision"],
      ["SIGN_OFF", "POST /api/v1/problems/{id}/sign-off"],
      ["LOOKBACK_REOPEN", "POST /api/v1/problems/{id}/lookback"],
    ];
    for (const [action, route] of cases) {
      const r = await post(transitionRoute, "/x", p.id, { action, comment: "现场核查", version: 1 }, world.coordinator);
      expect(r.status).toBe(422);
      expect(errorOf(r).fields?.action).toEqual([`This step has its own form and record: ${route}`, "No action is allowed now"]);
    }
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "PENDING_ACCEPTANCE",
      version: 1,
    });
  });

  it("a passed acceptance needs the notice's phone and summary; dates are checked", async () => {
    const p = await problemOf({ status: "PENDING_ACCEPTANCE", measures: [{ status: "DONE" }] });
    await completeChecklist(p.id, world.officerA.user.id);
    const { notice: _n, ...noNotice } = passed(1);
    const cases: [unknown, string][] = [
      [noNotice, "notice"],
      [passed(1, { phone: "" }), "notice.phone"],
      [passed(1, { phone: "call me" }), "notice.phone"],
      [passed(1, { summary: " " }), "notice.summary"],
      [passed(1, { email: "not-an-address" }), "notice.email"],
      [passed(1, { startsOn: "2020-01-01" }), "notice.startsOn"],
      [passed(1, { endsOn: today() }), "notice.endsOn"],
      [{ ...passed(1), acceptedOn: formatCalendarDate(calendarDay(3)) }, "acceptedOn"],
      [{ ...passed(1), signers: [] }, "signers"],
      [{ ...passed(1), acceptanceUnitId: "00000000-0000-4000-8000-000000000000" }, "acceptanceUnitId"],
      [{ ...passed(1), status: "CLOSED" }, "status"],
      [{ ...passed(1), result: "MAYBE" }, "result"],
      [{ ...passed(1), opinion: "长".repeat(2001) }, "opinion"],
    ];
    for (const [json, field] of cases) {
      const r = await post(acceptanceRoute, "/x", p.id, json, world.coordinator);
      expect(r.status, `${field}: ${r.text}`).toBe(422);
      expect(errorOf(r).fields?.[field], `${field}: ${r.text}`).toBeDefined();
      expect(leaksInternals(r.text)).toBe(false);
    }
    expect(await db.acceptance.count({ where: { problemId: p.id } })).toBe(0);
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "PENDING_ACCEPTANCE",
      version: 1,
    });
  });

  it("a stale version answers 409 with the current record and records nothing", async () => {
    const p = await problemOf({ status: "PENDING_ACCEPTANCE", measures: [{ status: "DONE" }] });
    await completeChecklist(p.id, world.officerA.user.id);
    await db.problem.update({ where: { id: p.id }, data: { version: 2 } });
    const r = await post(acceptanceRoute, "/x", p.id, passed(1), world.coordinator);
    expect(r.status).toBe(409);
    expect(errorOf(r).current).toMatchObject({ id: p.id, version: 2 });
    expect(await db.acceptance.count({ where: { problemId: p.id } })).toBe(0);
    expect(await db.publicNotice.count({ where: { problemId: p.id } })).toBe(0);
  });

  it("two acceptances of the same version at once: one lands, the other gets 409", async () => {
    const p = await problemOf({ status: "PENDING_ACCEPTANCE", measures: [{ status: "DONE" }] });
    await completeChecklist(p.id, world.officerA.user.id);
    const results = await Promise.all([
      post(acceptanceRoute, "/x", p.id, passed(1), world.coordinator),
      post(acceptanceRoute, "/x", p.id, failed(1), world.coordinator),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.acceptance.count({ where: { problemId: p.id } })).toBe(1);
  });
});

describe("one transaction", () => {
  const FAULT_FN = "test_closure_fault";

  afterEach(async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${FAULT_FN} ON "Notification"`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${FAULT_FN} ON "AuditLog"`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${FAULT_FN}()`);
  });

  async function injectFault(table: "Notification" | "AuditLog", problemId: string) {
    const column = table === "Notification" ? `NEW."problemId"::text` : `NEW."entityId"`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${FAULT_FN}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${column} = '${problemId}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${FAULT_FN} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${FAULT_FN}()`,
    );
  }

  it.each(["Notification", "AuditLog"] as const)(
    "a failing %s insert leaves no acceptance, notice or status change",
    async (table) => {
      const p = await problemOf({ status: "PENDING_ACCEPTANCE", measures: [{ status: "DONE" }] });
      await completeChecklist(p.id, world.officerA.user.id);
      await injectFault(table, p.id);
      allowConsoleError();
      const r = await post(acceptanceRoute, "/x", p.id, passed(1), world.coordinator);
      expect(r.status).toBe(500);
      expect(leaksInternals(r.text)).toBe(false);
      expect(await db.acceptance.count({ where: { problemId: p.id } })).toBe(0);
      expect(await db.publicNotice.count({ where: { problemId: p.id } })).toBe(0);
      expect(await db.problemTransition.count({ where: { problemId: p.id } })).toBe(0);
      expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
        status: "PENDING_ACCEPTANCE",
        version: 1,
      });
    },
  );

  it("a failing notice at sign-off leaves no closure record and the problem open", async () => {
    const p = await problemOf({ status: "PENDING_SIGNOFF", measures: [{ status: "DONE" }] });
    await injectFault("Notification", p.id);
    allowConsoleError();
    const r = await post(signOffRoute, "/x", p.id, { decision: "SIGN", version: 1 }, world.leader);
    expect(r.status).toBe(500);
    expect(await db.problemClosure.count({ where: { problemId: p.id } })).toBe(0);
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "PENDING_SIGNOFF",
      closedAt: null,
    });
  });

  it("a failing notice when upholding an objection leaves the objection pending and the notice open", async () => {
    const p = await problemOf({ status: "PUBLIC_NOTICE", measures: [{ status: "DONE" }] });
    const notice = await db.publicNotice.create({
      data: {
        problemId: p.id,
        startsOn: calendarDay(-1),
        endsOn: calendarDay(6),
        phone: "0510-1234567",
        summary: "已整改",
        createdById: world.coordinator.user.id,
      },
    });
    const o = await db.objection.create({
      data: { noticeId: notice.id, problemId: p.id, contact: "x", text: "异议", senderHash: "0".repeat(64) },
    });
    await injectFault("Notification", p.id);
    allowConsoleError();
    const r = await post(decideObjectionRoute, "/x", o.id, { decision: "UPHOLD", note: "属实", version: 1 }, world.coordinator);
    expect(r.status).toBe(500);
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "PENDING", handledAt: null });
    expect(await db.publicNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "OPEN" });
  });
});
