import { beforeAll, describe, expect, it } from "vitest";
import { POST as decidePlanRoute } from "@/app/api/v1/plans/[id]/decision/route";
import { GET as listPlansRoute, POST as submitPlanRoute } from "@/app/api/v1/problems/[id]/plans/route";
import { db } from "@/lib/db";
import { submitPlan } from "@/lib/server/plans/submit-plan";
import { calendarDay, createProblem, type ProblemOverrides } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

type PlanBody = {
  id: string;
  versionNo: number;
  status: string;
  version: number;
  target: string;
  mayDecide: boolean;
  decisionReason: string | null;
  decidedById: string | null;
  submittedById: string;
  measures: { seq: number; description: string; ownerUnitName: string | null; milestone: string | null; weight: number }[];
};

let world: World;
let otherLeader: Person;

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
});

function problemOf(overrides: ProblemOverrides = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "ASSIGNED",
    assignedAt: new Date(),
    ...overrides,
  });
}

function submit(problemId: string, json: unknown, who: Person = world.headA) {
  return call(submitPlanRoute, "POST", `/problems/${problemId}/plans`, { token: who.token, params: { id: problemId }, json });
}

function decideRoute(planId: string, json: unknown, who: Person = world.leader, headers?: Record<string, string>) {
  return call(decidePlanRoute, "POST", `/plans/${planId}/decision`, { token: who.token, params: { id: planId }, json, headers });
}

async function submitted(problemId: string, target = "按期完成整改"): Promise<PlanBody> {
  const r = await submit(problemId, { target });
  expect(r.status, r.text).toBe(201);
  return r.body as PlanBody;
}

describe("submitting a plan", () => {
  it("freezes the measures as they stand and numbers the versions", async () => {
    const p = await problemOf({
      measures: [
        { description: "排查排口", ownerUnitId: world.agencyA.id, milestone: calendarDay(30), weight: 2 },
        { description: "完成整治" },
      ],
    });
    const plan = await submitted(p.id, "三个月内完成排口整治");
    expect(plan).toMatchObject({
      versionNo: 1,
      status: "SUBMITTED",
      target: "三个月内完成排口整治",
      submittedById: world.headA.user.id,
    });
    expect(plan.measures).toEqual([
      {
        seq: 1,
        description: "排查排口",
        ownerUnitId: world.agencyA.id,
        ownerUnitName: world.agencyA.name,
        ownerPerson: null,
        milestone: calendarDay(30).toISOString().slice(0, 10),
        weight: 2,
      },
      { seq: 2, description: "完成整治", ownerUnitId: null, ownerUnitName: null, ownerPerson: null, milestone: null, weight: 1 },
    ]);
    // Later edits of the measures do not change the submitted version.
    await db.measure.updateMany({ where: { problemId: p.id }, data: { description: "改过的措施" } });
    const listed = await call(listPlansRoute, "GET", "/x", { token: world.headA.token, params: { id: p.id } });
    expect((listed.body as { items: PlanBody[] }).items[0]?.measures[0]?.description).toBe("排查排口");
    const audit = await db.auditLog.findFirst({ where: { entityType: "RectificationPlan", entityId: plan.id } });
    expect(audit).toMatchObject({ action: "create", actorId: world.headA.user.id });
  });

  it("one version awaits a decision at a time (422), and a new one may follow a return", async () => {
    const p = await problemOf();
    const first = await submitted(p.id);
    const again = await submit(p.id, { target: "再交一版" });
    expect(again.status).toBe(422);
    expect(errorOf(again).fields?._?.[0]).toBe("A plan already awaits a decision");
    expect((await decideRoute(first.id, { decision: "RETURN", reason: "请补充资金来源", version: 1 })).status).toBe(200);
    expect((await submitted(p.id)).versionNo).toBe(2);
  });

  it("is refused before assignment and once the work has applied for acceptance (422)", async () => {
    for (const status of ["REGISTERED", "PENDING_ACCEPTANCE", "CLOSED"] as const) {
      const p = await problemOf({ status });
      const r = await submit(p.id, { target: "方案" });
      expect(r.status, status).toBe(422);
      expect(errorOf(r).fields?._?.[0]).toBe("A plan cannot be submitted in the current state");
    }
  });

  it("by a co-operating division's head: 403; by another division's: 404", async () => {
    const p = await problemOf({ coUnitIds: [world.divisionB.id] });
    expect((await submit(p.id, { target: "方案" }, world.headB)).status).toBe(403);
    const q = await problemOf();
    expect((await submit(q.id, { target: "方案" }, world.headB)).status).toBe(404);
    expect(await db.rectificationPlan.count({ where: { problemId: { in: [p.id, q.id] } } })).toBe(0);
  });

  it.each([
    ["no target", {}, "target"],
    ["an empty target", { target: "   " }, "target"],
    ["a huge target", { target: "目".repeat(2001) }, "target"],
    ["a target of the wrong type", { target: ["a"] }, "target"],
    ["a mass-assigned status", { target: "方案", status: "APPROVED" }, "status"],
    ["a mass-assigned version number", { target: "方案", versionNo: 9 }, "versionNo"],
  ])("malformed: %s → 422", async (_name, json, field) => {
    const p = await problemOf();
    const r = await submit(p.id, json);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.[field]).toBeDefined();
    expect(leaksInternals(r.text)).toBe(false);
  });

  it("two submissions at once: exactly one plan version is stored", async () => {
    const p = await problemOf();
    const outcomes = await Promise.allSettled([
      submitPlan(world.headA.actor, p.id, { target: "甲" }),
      submitPlan(world.coordinator.actor, p.id, { target: "乙" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failure = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((failure.reason as { status: number }).status).toBe(422);
    expect(await db.rectificationPlan.count({ where: { problemId: p.id } })).toBe(1);
  });
});

describe("deciding a plan", () => {
  it("returning needs a reason (422 on `reason`) and changes nothing without one", async () => {
    const p = await problemOf();
    const plan = await submitted(p.id);
    for (const json of [
      { decision: "RETURN", version: 1 },
      { decision: "RETURN", reason: "   ", version: 1 },
    ]) {
      const r = await decideRoute(plan.id, json);
      expect(r.status).toBe(422);
      expect(errorOf(r).fields?.reason).toEqual(["Give a reason when sending work back or reopening it"]);
    }
    expect(await db.rectificationPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      status: "SUBMITTED",
      version: 1,
    });
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).returnCount).toBe(0);
  });

  it("by a leader who is not the lead official: 403; by other roles: 403", async () => {
    const p = await problemOf();
    const plan = await submitted(p.id);
    const notLead = await decideRoute(plan.id, { decision: "APPROVE", version: 1 }, otherLeader);
    expect(notLead.status).toBe(403);
    expect(errorOf(notLead).message).toBe("Only this problem's lead official may take this action");
    for (const who of [world.coordinator, world.headA, world.officerA, world.viewer, world.admin]) {
      expect((await decideRoute(plan.id, { decision: "APPROVE", version: 1 }, who)).status).toBe(403);
    }
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("ASSIGNED");
  });

  it("a stale plan version → 409 with the current plan; a decided plan cannot be decided again", async () => {
    const p = await problemOf();
    const plan = await submitted(p.id);
    expect((await decideRoute(plan.id, { decision: "APPROVE", version: 1 })).status).toBe(200);
    const stale = await decideRoute(plan.id, { decision: "RETURN", reason: "改主意", version: 1 });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).current).toMatchObject({ id: plan.id, status: "APPROVED", version: 2 });
    const again = await decideRoute(plan.id, { decision: "RETURN", reason: "改主意", version: 2 });
    expect(again.status).toBe(422);
    expect(errorOf(again).fields?.decision).toEqual(["This plan has already been decided"]);
  });

  it("two decisions at once on the same version: exactly one wins", async () => {
    const p = await problemOf();
    const plan = await submitted(p.id);
    const results = await Promise.all([
      decideRoute(plan.id, { decision: "APPROVE", version: 1 }),
      decideRoute(plan.id, { decision: "RETURN", reason: "并发退回", version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.problemTransition.count({ where: { problemId: p.id } })).toBe(1);
  });

  it("approving a revision while rectifying keeps the state and takes the new target", async () => {
    const p = await problemOf({ status: "RECTIFYING", target: "旧目标" });
    const plan = await submitted(p.id, "修订后的目标");
    const r = await decideRoute(plan.id, { decision: "APPROVE", version: 1 });
    expect(r.status, r.text).toBe(200);
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "RECTIFYING",
      target: "修订后的目标",
      version: 2,
    });
    const step = await db.problemTransition.findFirstOrThrow({ where: { problemId: p.id } });
    expect(step).toMatchObject({ action: "APPROVE_PLAN", fromStatus: "RECTIFYING", toStatus: "RECTIFYING" });
  });

  it("returned twice, the problem turns RED", async () => {
    const p = await problemOf({ deadline: calendarDay(300) });
    for (let i = 0; i < 2; i++) {
      const plan = await submitted(p.id);
      expect((await decideRoute(plan.id, { decision: "RETURN", reason: `第${i + 1}次退回`, version: 1 })).status).toBe(200);
    }
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ returnCount: 2, colour: "RED" });
  });

  it("the decision's notice reaches the submitter in their language", async () => {
    const englishHead = await createPerson("DIVISION_HEAD", { unitId: world.divisionA.id });
    await db.user.update({ where: { id: englishHead.user.id }, data: { locale: "en" } });
    const p = await problemOf();
    const r = await submit(p.id, { target: "Plan" }, englishHead);
    const plan = r.body as PlanBody;
    await decideRoute(plan.id, { decision: "RETURN", reason: "Add milestones", version: 1 });
    const notice = await db.notification.findFirstOrThrow({ where: { problemId: p.id, kind: "plan.returned" } });
    expect(notice.userId).toBe(englishHead.user.id);
    expect(notice.title).toBe(`Plan returned: ${p.code}`);
    expect(notice.body).toContain("Add milestones");
  });

  it.each([
    ["an unknown decision", { decision: "MAYBE", version: 1 }, "decision"],
    ["no version", { decision: "APPROVE" }, "version"],
    ["a mass-assigned status", { decision: "APPROVE", version: 1, status: "APPROVED" }, "status"],
    ["a huge reason", { decision: "RETURN", reason: "因".repeat(2001), version: 1 }, "reason"],
  ])("malformed: %s → 422", async (_name, json, field) => {
    const p = await problemOf();
    const plan = await submitted(p.id);
    const r = await decideRoute(plan.id, json);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.[field]).toBeDefined();
  });

  it("an unknown plan or an id that is no uuid → 404", async () => {
    expect((await decideRoute("0b7c4c9e-0000-4000-8000-000000000000", { decision: "APPROVE", version: 1 })).status).toBe(404);
    expect((await decideRoute("nope", { decision: "APPROVE", version: 1 })).status).toBe(404);
  });
});

describe("listing plans", () => {
  it("newest first; `mayDecide` only for the lead official on the version awaiting decision", async () => {
    const p = await problemOf();
    const first = await submitted(p.id);
    await decideRoute(first.id, { decision: "RETURN", reason: "细化", version: 1 });
    await submitted(p.id);
    const as = async (who: Person) =>
      (
        (await call(listPlansRoute, "GET", "/x", { token: who.token, params: { id: p.id } })).body as { items: PlanBody[] }
      ).items.map((x) => [x.versionNo, x.status, x.mayDecide]);
    expect(await as(world.leader)).toEqual([
      [2, "SUBMITTED", true],
      [1, "RETURNED", false],
    ]);
    for (const who of [otherLeader, world.coordinator, world.headA, world.officerA]) {
      expect((await as(who)).map((x) => x[2])).toEqual([false, false]);
    }
  });
});
