import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getIncidents, POST as postIncident } from "@/app/api/v1/incidents/route";
import { POST as closeRoundRoute } from "@/app/api/v1/self-reviews/[id]/close/route";
import { GET as getRoundRoute } from "@/app/api/v1/self-reviews/[id]/route";
import { POST as commentRoute } from "@/app/api/v1/self-reviews/[id]/units/[unitId]/comment/route";
import { POST as raiseRoute } from "@/app/api/v1/self-reviews/[id]/units/[unitId]/problems/route";
import { POST as returnRoute } from "@/app/api/v1/self-reviews/[id]/units/[unitId]/return/route";
import { GET as getSheetRoute, PUT as putSheetRoute } from "@/app/api/v1/self-reviews/[id]/units/[unitId]/route";
import { POST as submitRoute } from "@/app/api/v1/self-reviews/[id]/units/[unitId]/submit/route";
import { GET as listRoundsRoute, POST as openRoundRoute } from "@/app/api/v1/self-reviews/route";
import { GET as getPoints, POST as postPoint } from "@/app/api/v1/taihu/points/route";
import { POST as importReadings } from "@/app/api/v1/taihu/readings/import/route";
import { GET as getReadings, POST as postReading } from "@/app/api/v1/taihu/readings/route";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { SELF_REVIEW_QUESTIONS } from "@/lib/domain/self-review";
import type { IncidentPage, RoundDto, RoundSummaryDto, SheetDto } from "@/lib/schemas/self-review";
import type { PointDto } from "@/lib/schemas/taihu";
import { raiseProblemFromAnswer } from "@/lib/server/self-reviews/raise-problem";
import { remindLateSelfReviews } from "@/lib/server/self-reviews/remind-late-self-reviews";
import { runTaihuAlerts } from "@/lib/server/taihu/run-taihu-alerts";
import { calendarDay } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type Person, type World } from "../support/world";

/** Lets a test make the link's audit row fail, to prove the problem registered with it rolls back. */
const fault = vi.hoisted(() => ({ answerAudit: false }));
vi.mock("@/lib/server/audit/write-audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/audit/write-audit")>();
  return {
    ...real,
    writeAudit: (...args: Parameters<typeof real.writeAudit>) => {
      if (fault.answerAudit && args[1].entityType === "SelfReviewAnswer") throw new Error("audit store unavailable");
      return real.writeAudit(...args);
    },
  };
});

let w: World;
const day = (offset: number) => formatCalendarDate(calendarDay(offset));
type Who = "anonymous" | "admin" | "leader" | "coordinator" | "headA" | "headB" | "officerA" | "officerB" | "viewer";
const ALL: Who[] = ["anonymous", "admin", "leader", "coordinator", "headA", "headB", "officerA", "officerB", "viewer"];
const token = (who: Who) => (who === "anonymous" ? null : (w[who] as Person).token);

beforeAll(async () => {
  w = await createWorld();
});

afterAll(async () => {
  await db.selfReviewRound.deleteMany({ where: { title: { contains: w.tag } } });
  await db.taihuPoint.deleteMany({ where: { code: { contains: w.tag } } });
  await db.incident.deleteMany({ where: { districtId: { in: [w.districtA.id, w.districtB.id] } } });
  await db.problem.deleteMany({ where: { districtId: { in: [w.districtA.id, w.districtB.id] } } });
});

const answers = (overrides: Record<string, unknown> = {}) =>
  SELF_REVIEW_QUESTIONS.map((q) => ({
    question: q,
    rating: 3,
    found: `${q}：对照目标查摆出的具体问题。`,
    willDo: "本月内制定专项计划并落实",
    ...overrides,
  }));

async function openRound(dueOffset = 10): Promise<RoundDto> {
  const r = await call(openRoundRoute, "POST", "/self-reviews", {
    token: w.coordinator.token,
    json: {
      title: `反思${w.tag}-${Math.random()}`,
      period: "2026年第四季度",
      dueOn: day(dueOffset),
      unitIds: [w.divisionA.id, w.agencyA.id],
    },
  });
  expect(r.status, r.text).toBe(201);
  return r.body as RoundDto;
}
const sheetPath = (roundId: string, unitId: string) => ({ id: roundId, unitId });
async function sheetOf(roundId: string, unitId: string): Promise<SheetDto> {
  const r = await call(getSheetRoute, "GET", "/sheet", { token: w.coordinator.token, params: sheetPath(roundId, unitId) });
  return r.body as SheetDto;
}
async function submitted(roundId: string): Promise<SheetDto> {
  const put = await call(putSheetRoute, "PUT", "/sheet", {
    token: w.headA.token,
    params: sheetPath(roundId, w.divisionA.id),
    json: { version: 1, answers: answers() },
  });
  expect(put.status, put.text).toBe(200);
  const sub = await call(submitRoute, "POST", "/submit", {
    token: w.headA.token,
    params: sheetPath(roundId, w.divisionA.id),
    json: { version: (put.body as SheetDto).version },
  });
  expect(sub.status, sub.text).toBe(200);
  return sub.body as SheetDto;
}

describe("self-review rounds: role × action × scope", () => {
  it("only the inspection office opens a round; the answering units' staff are told", async () => {
    for (const who of ALL) {
      if (who === "coordinator") continue;
      const r = await call(openRoundRoute, "POST", "/self-reviews", {
        token: token(who),
        json: { title: `x${w.tag}`, period: "p", dueOn: day(5), unitIds: [w.divisionA.id] },
      });
      expect(r.status, who).toBe(who === "anonymous" ? 401 : 403);
    }
    const round = await openRound();
    expect(round.sheets.map((s) => s.status)).toEqual(["NOT_STARTED", "NOT_STARTED"]);
    const notice = await db.notification.findFirst({
      where: { userId: w.headA.user.id, kind: "selfReview.opened", link: { contains: round.id } },
    });
    expect(notice?.title).toContain("八个方面反思");
  });

  it("a round is refused with Chinese field messages: no units, a past due date, an unknown unit, extra fields", async () => {
    const r = await call(openRoundRoute, "POST", "/self-reviews", {
      token: w.coordinator.token,
      headers: { "accept-language": "zh-CN" },
      json: { title: "", period: "p", dueOn: day(-1), unitIds: [], status: "CLOSED" },
    });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields).toMatchObject({ title: ["必填"], unitIds: ["请至少选择一个单位"], status: ["不允许的字段"] });
    const past = await call(openRoundRoute, "POST", "/self-reviews", {
      token: w.coordinator.token,
      headers: { "accept-language": "zh-CN" },
      json: { title: "t", period: "p", dueOn: day(-1), unitIds: [w.divisionA.id] },
    });
    expect(errorOf(past).fields).toEqual({ dueOn: ["截止日期不能早于今天"] });
  });

  it("lists and reads are scoped: unit staff see their own unit's sheet only; others' rounds and sheets are 404", async () => {
    const round = await openRound();
    for (const who of ALL) {
      const list = await call(listRoundsRoute, "GET", "/self-reviews", { token: token(who) });
      if (who === "anonymous") {
        expect(list.status).toBe(401);
        continue;
      }
      expect(list.status).toBe(200);
      const listed = (list.body as RoundSummaryDto[]).some((x) => x.id === round.id);
      expect(listed, who).toBe(!["headB", "officerB"].includes(who));
      const get = await call(getRoundRoute, "GET", "/r", { token: token(who), params: { id: round.id } });
      if (["headB", "officerB"].includes(who)) expect(get.status, who).toBe(404);
      else {
        expect(get.status, who).toBe(200);
        const units = (get.body as RoundDto).sheets.map((s) => s.unit.id);
        const expected =
          who === "headA" ? [w.divisionA.id] : who === "officerA" ? [w.agencyA.id] : [w.divisionA.id, w.agencyA.id].sort();
        expect([...units].sort(), who).toEqual(expected.sort());
      }
      const sheet = await call(getSheetRoute, "GET", "/s", { token: token(who), params: sheetPath(round.id, w.divisionA.id) });
      expect(sheet.status, who).toBe(["headB", "officerA", "officerB"].includes(who) ? 404 : 200);
    }
  });

  it("only the unit answers its own sheet; everyone else is refused (403 by role, 404 by scope)", async () => {
    const round = await openRound();
    for (const who of ALL) {
      const r = await call(putSheetRoute, "PUT", "/s", {
        token: token(who),
        params: sheetPath(round.id, w.divisionA.id),
        json: { version: 1, answers: answers() },
      });
      const expected =
        who === "anonymous" ? 401 : who === "headA" ? 200 : ["headB", "officerA", "officerB"].includes(who) ? 404 : 403;
      expect(r.status, who).toBe(expected);
    }
    const s = await sheetOf(round.id, w.divisionA.id);
    expect(s).toMatchObject({ status: "DRAFT", version: 2 });
    for (const who of ALL) {
      const r = await call(submitRoute, "POST", "/s", {
        token: token(who),
        params: sheetPath(round.id, w.divisionA.id),
        json: { version: 2 },
      });
      const expected =
        who === "anonymous" ? 401 : who === "headA" ? 200 : ["headB", "officerA", "officerB"].includes(who) ? 404 : 403;
      expect(r.status, who).toBe(expected);
    }
    expect(await db.auditLog.count({ where: { entityType: "SelfReviewSheet", entityId: s.id } })).toBe(2);
  });

  it("submitting checks every answer (rating, finding of 10+ characters, a remedy for a weak rating) and names the field", async () => {
    const round = await openRound();
    const p = sheetPath(round.id, w.divisionA.id);
    const bad = answers().map((a) =>
      a.question === "GOALS" ? { ...a, found: "太短" } : a.question === "PACE" ? { ...a, rating: 2, willDo: "" } : a,
    );
    await call(putSheetRoute, "PUT", "/s", {
      token: w.headA.token,
      params: p,
      json: { version: 1, answers: bad.filter((a) => a.question !== "RESULTS") },
    });
    const r = await call(submitRoute, "POST", "/s", {
      token: w.headA.token,
      params: p,
      headers: { "accept-language": "zh-CN" },
      json: { version: 2 },
    });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields).toEqual({
      "answers.GOALS.found": ["查找的问题至少写 10 个字"],
      "answers.PACE.willDo": ["评分 3 分及以下须写明整改打算"],
      "answers.RESULTS.rating": ["请评分（1–5）"],
      "answers.RESULTS.found": ["查找的问题至少写 10 个字"],
    });
    const rating = await call(putSheetRoute, "PUT", "/s", {
      token: w.headA.token,
      params: p,
      headers: { "accept-language": "zh-CN" },
      json: { version: 2, answers: [{ question: "GOALS", rating: 6, found: "x", willDo: "" }] },
    });
    expect(errorOf(rating).fields).toEqual({ "answers.0.rating": ["评分须为 1–5 的整数"] });
    const stale = await call(putSheetRoute, "PUT", "/s", { token: w.headA.token, params: p, json: { version: 1, answers: [] } });
    expect(stale.status).toBe(409);
  });

  it("a leader comments and returns chosen answers with a reason; the unit is told, edits and resubmits", async () => {
    const round = await openRound();
    const p = sheetPath(round.id, w.divisionA.id);
    const sub = await submitted(round.id);
    for (const who of ALL.filter((x) => x !== "leader")) {
      const r = await call(returnRoute, "POST", "/r", {
        token: token(who),
        params: p,
        json: { version: sub.version, questions: ["PACE"], reason: "原因" },
      });
      expect(r.status, who).toBe(who === "anonymous" ? 401 : 403);
      const c = await call(commentRoute, "POST", "/c", {
        token: token(who),
        params: p,
        json: { version: sub.version, comment: "好" },
      });
      expect(c.status, who).toBe(who === "anonymous" ? 401 : 403);
    }
    const c = await call(commentRoute, "POST", "/c", {
      token: w.leader.token,
      params: p,
      json: { version: sub.version, comment: "查摆较深入" },
    });
    expect(c.status, c.text).toBe(200);
    const r = await call(returnRoute, "POST", "/r", {
      token: w.leader.token,
      params: p,
      json: { version: (c.body as SheetDto).version, questions: ["PACE"], reason: "推进慢的原因没有说透" },
    });
    expect(r.status, r.text).toBe(200);
    const back = r.body as SheetDto;
    expect(back).toMatchObject({
      status: "RETURNED",
      returnReason: "推进慢的原因没有说透",
      returnCount: 1,
      leaderComment: "查摆较深入",
    });
    expect(back.answers.filter((a) => a.returned).map((a) => a.question)).toEqual(["PACE"]);
    expect(
      await db.notification.count({ where: { userId: w.headA.user.id, kind: "selfReview.returned" } }),
    ).toBeGreaterThanOrEqual(1);
    // Returning again is a conflict while the unit has it.
    const again = await call(returnRoute, "POST", "/r", {
      token: w.leader.token,
      params: p,
      json: { version: back.version, questions: ["PACE"], reason: "再退" },
    });
    expect(again.status).toBe(409);
    const edit = await call(putSheetRoute, "PUT", "/s", {
      token: w.headA.token,
      params: p,
      json: {
        version: back.version,
        answers: [{ question: "PACE", rating: 2, found: "规划审批环节耗时两个月，卡住了开工。", willDo: "提请分管领导协调" }],
      },
    });
    expect((edit.body as SheetDto).status).toBe("RETURNED");
    const re = await call(submitRoute, "POST", "/s", {
      token: w.headA.token,
      params: p,
      json: { version: (edit.body as SheetDto).version },
    });
    expect(re.status, re.text).toBe(200);
    expect((re.body as SheetDto).answers.every((a) => !a.returned)).toBe(true);
    expect(await db.auditLog.findFirst({ where: { entityId: sub.id, action: "resubmit" } })).not.toBeNull();
  });

  it("a closed round takes no more answers; only the inspection office closes it", async () => {
    const round = await openRound();
    const denied = await call(closeRoundRoute, "POST", "/c", {
      token: w.leader.token,
      params: { id: round.id },
      json: { version: 1 },
    });
    expect(denied.status).toBe(403);
    const closed = await call(closeRoundRoute, "POST", "/c", {
      token: w.coordinator.token,
      params: { id: round.id },
      json: { version: 1 },
    });
    expect((closed.body as RoundDto).status).toBe("CLOSED");
    const put = await call(putSheetRoute, "PUT", "/s", {
      token: w.headA.token,
      params: sheetPath(round.id, w.divisionA.id),
      json: { version: 1, answers: answers() },
    });
    expect(put.status).toBe(409);
  });
});

describe("a finding becomes a SELF_CHECK ledger problem", () => {
  it("in one click by a leader or the coordinator: the problem is registered, led by the unit, and linked back; once only", async () => {
    const round = await openRound();
    await submitted(round.id);
    const p = sheetPath(round.id, w.divisionA.id);
    const body = {
      question: "PACE",
      category: "WATER",
      deadlineBand: "SHORT",
      deadline: day(90),
      districtCode: w.districtA.code,
    };
    for (const who of ["anonymous", "admin", "headA", "officerA", "viewer"] as Who[]) {
      const r = await call(raiseRoute, "POST", "/p", { token: token(who), params: p, json: body });
      expect(r.status, who).toBe(who === "anonymous" ? 401 : 403);
    }
    const noDistrict = await call(raiseRoute, "POST", "/p", {
      token: w.leader.token,
      params: p,
      headers: { "accept-language": "zh-CN" },
      json: { ...body, districtCode: undefined },
    });
    expect(errorOf(noDistrict).fields).toEqual({ districtCode: ["该单位没有属地，请选择问题属地"] });
    const r = await call(raiseRoute, "POST", "/p", { token: w.leader.token, params: p, json: body });
    expect(r.status, r.text).toBe(201);
    const linked = (r.body as SheetDto).answers.find((a) => a.question === "PACE")?.problem;
    expect(linked?.code).toMatch(/^WX-\d{4}-\d{4}$/);
    const problem = await db.problem.findUniqueOrThrow({ where: { id: linked?.id as string } });
    expect(problem).toMatchObject({
      source: "SELF_CHECK",
      leadUnitId: w.divisionA.id,
      districtId: w.districtA.id,
      status: "REGISTERED",
      description: "PACE：对照目标查摆出的具体问题。",
    });
    expect(await db.auditLog.count({ where: { entityType: "Problem", entityId: problem.id, action: "create" } })).toBe(1);
    const twice = await call(raiseRoute, "POST", "/p", { token: w.coordinator.token, params: p, json: body });
    expect(twice.status).toBe(409);
  });

  it("a fault after the registration leaves nothing behind: no problem, no link, no audit row", async () => {
    const round = await openRound();
    await submitted(round.id);
    const before = await db.problem.count({ where: { source: "SELF_CHECK", leadUnitId: w.divisionA.id } });
    const audits = await db.auditLog.count();
    fault.answerAudit = true;
    try {
      await expect(
        raiseProblemFromAnswer(w.coordinator.actor, round.id, w.divisionA.id, {
          question: "GOALS",
          category: "WATER",
          deadlineBand: "SHORT",
          deadline: day(60),
          districtCode: w.districtA.code,
        }),
      ).rejects.toThrow("audit store unavailable");
    } finally {
      fault.answerAudit = false;
    }
    expect(await db.problem.count({ where: { source: "SELF_CHECK", leadUnitId: w.divisionA.id } })).toBe(before);
    expect((await sheetOf(round.id, w.divisionA.id)).answers.every((a) => a.problem === null)).toBe(true);
    expect(await db.auditLog.count()).toBe(audits);
  }, 60_000);
});

describe("late self-reviews are reminded and escalated like progress reports", () => {
  it("after the due date the unit's staff are reminded once per cycle; past redOverdueDays the bureau heads once", async () => {
    const round = await openRound(1);
    const due = new Date(`${day(1)}T02:00:00Z`);
    const at = (days: number) => new Date(due.getTime() + days * 86_400_000);
    await remindLateSelfReviews({ now: at(0) });
    const late = () => db.notification.count({ where: { kind: "selfReview.late", link: { contains: round.id } } });
    expect(await late()).toBe(0);
    await remindLateSelfReviews({ now: at(1) });
    const first = await late();
    expect(first).toBeGreaterThanOrEqual(2); // head of division A, officer of agency A
    await remindLateSelfReviews({ now: at(2) });
    expect(await late()).toBe(first);
    await remindLateSelfReviews({ now: at(40) });
    const escalated = await db.notification.count({ where: { kind: "selfReview.escalated", link: { contains: round.id } } });
    await remindLateSelfReviews({ now: at(41) });
    expect(await db.notification.count({ where: { kind: "selfReview.escalated", link: { contains: round.id } } })).toBe(
      escalated,
    );
    expect(await late()).toBeGreaterThan(first);
  });
});

describe("Taihu: points, readings, alert episodes", () => {
  let point: PointDto;
  beforeAll(async () => {
    const r = await call(postPoint, "POST", "/taihu/points", {
      token: w.coordinator.token,
      json: {
        code: `T-${w.tag}`,
        name: `测试湖区${w.tag}`,
        kind: "LAKE_ZONE",
        districtCode: w.districtA.code,
        algaeWarn: 3000,
        algaeAlert: 8000,
        dutyLeaderId: w.leader.user.id,
      },
    });
    expect(r.status, r.text).toBe(201);
    point = r.body as PointDto;
  });
  const reading = (d: string, algae: number) => ({ pointCode: point.code, day: d, algaeDensity: algae });

  it("points: everyone reads, the coordinator and administrators add; thresholds are checked", async () => {
    for (const who of ALL) {
      const r = await call(getPoints, "GET", "/taihu/points", { token: token(who) });
      expect(r.status, who).toBe(who === "anonymous" ? 401 : 200);
      const add = await call(postPoint, "POST", "/taihu/points", {
        token: token(who),
        json: { code: `P${w.tag}${who}`.slice(0, 40), name: "点", kind: "LAKE_ZONE" },
      });
      expect(add.status, who).toBe(who === "anonymous" ? 401 : ["admin", "coordinator"].includes(who) ? 201 : 403);
    }
    const bad = await call(postPoint, "POST", "/taihu/points", {
      token: w.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: { code: "有空格 的", name: "x", kind: "LAKE_ZONE", algaeWarn: 5000, algaeAlert: 4000 },
    });
    expect(errorOf(bad).fields).toMatchObject({
      code: ["点位编号只能包含字母、数字、- 和 _"],
      algaeAlert: ["警报阈值不能低于预警阈值"],
    });
    await db.taihuPoint.deleteMany({ where: { code: { startsWith: `P${w.tag}` } } });
  });

  it("readings: the coordinator for all points, a field officer for its district's only", async () => {
    for (const who of ALL) {
      const r = await call(postReading, "POST", "/taihu/readings", { token: token(who), json: reading(day(-300), 100) });
      const expected =
        who === "anonymous" ? 401 : who === "coordinator" || who === "officerA" ? 201 : who === "officerB" ? 404 : 403;
      expect(r.status, who).toBe(expected);
      const list = await call(getReadings, "GET", "/taihu/readings", { token: token(who) });
      expect(list.status, who).toBe(who === "anonymous" ? 401 : 200);
    }
    const bad = await call(postReading, "POST", "/taihu/readings", {
      token: w.coordinator.token,
      headers: { "accept-language": "zh-CN" },
      json: { pointCode: point.code, day: "2026-02-30", algaeDensity: -1, blackBloom: "也许" },
    });
    expect(errorOf(bad).fields).toMatchObject({
      day: ["请输入有效日期（YYYY-MM-DD）"],
      algaeDensity: ["不能为负数"],
      blackBloom: ["请填“是”或“否”"],
    });
  });

  it("import: CSV rows all checked first; any bad row → 422 with its row and nothing written; a good file saves every row", async () => {
    const form = (csv: string) => {
      const f = new FormData();
      f.set("file", new File([csv], "r.csv", { type: "text/csv" }));
      return f;
    };
    const send = async (who: Who, csv: string) => {
      const req = new Request("http://localhost/api/v1/taihu/readings/import", { method: "POST", body: form(csv) });
      return call(importReadings, "POST", "/taihu/readings/import", {
        token: token(who),
        raw: await req.text(),
        contentType: req.headers.get("content-type"),
        headers: { "accept-language": "zh-CN" },
      });
    };
    const viewer = await send("viewer", "点位编号,日期\n");
    expect(viewer.status).toBe(403);
    const bad = await send(
      "coordinator",
      `点位编号,日期,藻密度,湖泛\n${point.code},${day(-200)},1200,否\nNOPE,${day(-200)},1,否\n${point.code},${day(-199)},abc,否\n`,
    );
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { row: number }[] }).errors.map((e) => e.row)).toEqual([3, 4]);
    expect(await db.taihuReading.count({ where: { pointId: point.id, day: calendarDay(-200) } })).toBe(0);
    const good = await send(
      "coordinator",
      `点位编号,日期,藻密度,湖泛\n${point.code},${day(-200)},1200,否\n${point.code},${day(-199)},1300,是\n`,
    );
    expect(good.status, good.text).toBe(200);
    expect(good.body).toMatchObject({ saved: 2, errors: [] });
  });

  it("crossing a threshold notifies the duty leader exactly once across two job runs; back below closes the episode; re-entering notifies again", async () => {
    await db.taihuReading.deleteMany({ where: { pointId: point.id } });
    const notices = () =>
      db.notification.count({ where: { userId: w.leader.user.id, kind: "taihu.alert", link: { contains: point.code } } });
    for (const [d, v] of [
      [-10, 1000],
      [-9, 3500],
    ] as const) {
      await call(postReading, "POST", "/r", { token: w.coordinator.token, json: reading(day(d), v) });
    }
    await runTaihuAlerts();
    await runTaihuAlerts();
    expect(await notices()).toBe(1);
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: w.leader.user.id, kind: "taihu.alert", link: { contains: point.code } },
    });
    expect(notice.title).toContain("预警");
    // Staying over (even rising to the alert level) is the same episode: no second notice.
    await call(postReading, "POST", "/r", { token: w.coordinator.token, json: reading(day(-8), 9000) });
    await runTaihuAlerts();
    expect(await notices()).toBe(1);
    let episodes = await db.taihuEpisode.findMany({ where: { pointId: point.id }, orderBy: { startedOn: "asc" } });
    expect(episodes.map((e) => [formatCalendarDate(e.startedOn), e.endedOn, e.peakLevel])).toEqual([[day(-9), null, 2]]);
    // Back below closes it.
    await call(postReading, "POST", "/r", { token: w.coordinator.token, json: reading(day(-7), 900) });
    await runTaihuAlerts();
    episodes = await db.taihuEpisode.findMany({ where: { pointId: point.id }, orderBy: { startedOn: "asc" } });
    expect(episodes.map((e) => (e.endedOn ? formatCalendarDate(e.endedOn) : null))).toEqual([day(-7)]);
    // Re-entering opens a new episode and notifies once more.
    await call(postReading, "POST", "/r", { token: w.coordinator.token, json: reading(day(-6), 4000) });
    await runTaihuAlerts();
    await runTaihuAlerts();
    expect(await notices()).toBe(2);
    expect(await db.taihuEpisode.count({ where: { pointId: point.id } })).toBe(2);
  });
});

describe("incidents: role × action × scope", () => {
  it("the coordinator and field officers (their district only) record; field officers list their district's only", async () => {
    const body = (districtCode: string) => ({
      occurredOn: day(-3),
      title: `测试事件${w.tag}`,
      districtCode,
      type: "WATER",
      level: "GENERAL",
      cause: "管网破损",
      response: "抢修并监测",
    });
    for (const who of ALL) {
      const r = await call(postIncident, "POST", "/incidents", { token: token(who), json: body(w.districtA.code) });
      const expected =
        who === "anonymous" ? 401 : who === "coordinator" || who === "officerA" ? 201 : who === "officerB" ? 422 : 403;
      expect(r.status, who).toBe(expected);
    }
    const bad = await call(postIncident, "POST", "/incidents", {
      token: w.coordinator.token,
      headers: { "accept-language": "zh-CN" },
      json: { ...body(w.districtB.code), level: "HUGE", problemIds: ["00000000-0000-4000-8000-000000000000"] },
    });
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(["level"]);
    const unknownProblem = await call(postIncident, "POST", "/incidents", {
      token: w.coordinator.token,
      headers: { "accept-language": "zh-CN" },
      json: { ...body(w.districtB.code), problemIds: ["00000000-0000-4000-8000-000000000000"] },
    });
    expect(errorOf(unknownProblem).fields).toEqual({ problemIds: ["有关联问题不存在或不在您的范围内"] });
    for (const who of ALL) {
      const r = await call(getIncidents, "GET", "/incidents", { token: token(who) });
      if (who === "anonymous") {
        expect(r.status).toBe(401);
        continue;
      }
      const mine = (r.body as IncidentPage).items.filter((i) => i.title === `测试事件${w.tag}`).length;
      expect(mine, who).toBe(who === "officerB" ? 0 : 2);
      expect((r.body as IncidentPage).monthly).toHaveLength(12);
    }
  });
});
