import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as completeMeasureRoute } from "@/app/api/v1/measures/[id]/complete/route";
import { POST as decidePlanRoute } from "@/app/api/v1/plans/[id]/decision/route";
import { POST as addMeasureRoute } from "@/app/api/v1/problems/[id]/measures/route";
import { GET as getPlansRoute, POST as submitPlanRoute } from "@/app/api/v1/problems/[id]/plans/route";
import { GET as getProblemRoute } from "@/app/api/v1/problems/[id]/route";
import { GET as getTransitionsRoute, POST as transitionRoute } from "@/app/api/v1/problems/[id]/transitions/route";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { transitionProblem } from "@/lib/server/workflow/transition-problem";
import { calendarDay, createProblem, type ProblemOverrides } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { completeChecklist } from "../support/closure-evidence";
import { allowConsoleError } from "../support/console-guard";
import { createPerson, createWorld, type Person, type World } from "../support/world";

type ProblemBody = {
  id: string;
  status: string;
  version: number;
  progress: number;
  colour: string;
  plannedPercent: number | null;
  originalDeadline: string | null;
  deadline: string | null;
  returnCount: number;
  target: string | null;
  allowedActions?: { action: string; method: string; href: string }[];
  measures?: { id: string; version: number; status: string }[];
};
type PlanBody = { id: string; versionNo: number; status: string; version: number; mayDecide: boolean; measures: unknown[] };
type TransitionBody = { action: string; fromStatus: string; toStatus: string; actorId: string; comment: string | null };

let world: World;
let otherLeader: Person;

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
});

/** A problem of district A led by division A, with `world.leader` as its lead official. */
function problemOf(overrides: ProblemOverrides = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    ...overrides,
  });
}

function transition(id: string, json: unknown, who: Person) {
  return call(transitionRoute, "POST", `/problems/${id}/transitions`, { token: who.token, params: { id }, json });
}

async function getProblem(id: string, who: Person = world.coordinator): Promise<ProblemBody> {
  const r = await call(getProblemRoute, "GET", `/problems/${id}`, { token: who.token, params: { id } });
  expect(r.status, r.text).toBe(200);
  return r.body as ProblemBody;
}

async function rowsOf(problemId: string) {
  const [problem, transitions, audits, notifications] = await Promise.all([
    db.problem.findUniqueOrThrow({ where: { id: problemId } }),
    db.problemTransition.count({ where: { problemId } }),
    db.auditLog.count({ where: { entityType: "Problem", entityId: problemId } }),
    db.notification.count({ where: { problemId } }),
  ]);
  return { status: problem.status, version: problem.version, transitions, audits, notifications };
}

async function notificationsOf(problemId: string, kind: string) {
  return db.notification.findMany({ where: { problemId, kind }, select: { userId: true, title: true, body: true } });
}

describe("the walk from REGISTERED to PENDING_ACCEPTANCE through the API", () => {
  it("each step by the right person, with its transition, audit row and notices", async () => {
    const deadline = calendarDay(200);
    const p = await problemOf({ deadline, target: "登记时的目标" });

    // Registered: only the coordinator may assign.
    expect((await getProblem(p.id)).allowedActions).toEqual([
      { action: "ASSIGN", method: "POST", href: `/api/v1/problems/${p.id}/transitions` },
    ]);
    expect((await getProblem(p.id, world.headA)).allowedActions).toEqual([]);

    const assigned = await transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator);
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({
      status: "ASSIGNED",
      version: 2,
      originalDeadline: deadline.toISOString().slice(0, 10),
      plannedPercent: 0,
      colour: "GREEN",
      allowedActions: [],
    });
    const stored = await db.problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(stored.assignedAt).not.toBeNull();
    expect((await notificationsOf(p.id, "workflow.ASSIGN")).map((n) => n.userId)).toEqual([world.headA.user.id]);

    // The lead division writes the measures and the plan.
    for (const description of ["截污纳管", "清淤疏浚"]) {
      const m = await call(addMeasureRoute, "POST", `/problems/${p.id}/measures`, {
        token: world.headA.token,
        params: { id: p.id },
        json: { description },
      });
      expect(m.status, m.text).toBe(201);
    }
    const first = await call(submitPlanRoute, "POST", `/problems/${p.id}/plans`, {
      token: world.headA.token,
      params: { id: p.id },
      json: { target: "年底前消除黑臭" },
    });
    expect(first.status, first.text).toBe(201);
    const plan1 = first.body as PlanBody;
    expect(plan1).toMatchObject({ versionNo: 1, status: "SUBMITTED", version: 1 });
    expect(plan1.measures).toHaveLength(2);
    expect((await notificationsOf(p.id, "plan.submitted")).map((n) => n.userId)).toEqual([world.leader.user.id]);

    // The lead official returns it with a reason; it counts as a return and the state stays.
    const returned = await call(decidePlanRoute, "POST", `/plans/${plan1.id}/decision`, {
      token: world.leader.token,
      params: { id: plan1.id },
      json: { decision: "RETURN", reason: "措施不够具体，请细化时间节点", version: 1 },
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body).toMatchObject({ status: "RETURNED", decisionReason: "措施不够具体，请细化时间节点" });
    expect(await getProblem(p.id)).toMatchObject({ status: "ASSIGNED", returnCount: 1 });
    const returnNotice = await notificationsOf(p.id, "plan.returned");
    expect(returnNotice.map((n) => n.userId)).toEqual([world.headA.user.id]);
    expect(returnNotice[0]?.body).toContain("措施不够具体");

    // The second version is approved: rectification starts and the plan's target becomes the problem's.
    const second = await call(submitPlanRoute, "POST", `/problems/${p.id}/plans`, {
      token: world.headA.token,
      params: { id: p.id },
      json: { target: "年底前消除黑臭，水质达到Ⅳ类" },
    });
    const plan2 = second.body as PlanBody;
    expect(plan2.versionNo).toBe(2);
    const plans = await call(getPlansRoute, "GET", `/problems/${p.id}/plans`, {
      token: world.leader.token,
      params: { id: p.id },
    });
    expect((plans.body as { items: PlanBody[] }).items.map((x) => [x.versionNo, x.status, x.mayDecide])).toEqual([
      [2, "SUBMITTED", true],
      [1, "RETURNED", false],
    ]);
    const approved = await call(decidePlanRoute, "POST", `/plans/${plan2.id}/decision`, {
      token: world.leader.token,
      params: { id: plan2.id },
      json: { decision: "APPROVE", version: 1 },
    });
    expect(approved.status, approved.text).toBe(200);
    const rectifying = await getProblem(p.id, world.headA);
    expect(rectifying).toMatchObject({ status: "RECTIFYING", target: "年底前消除黑臭，水质达到Ⅳ类", returnCount: 1 });
    // Measures still open: applying for acceptance is not offered.
    expect(rectifying.allowedActions).toEqual([]);
    const early = await transition(p.id, { action: "APPLY_ACCEPTANCE", version: rectifying.version }, world.headA);
    expect(early.status).toBe(422);
    expect(errorOf(early).fields?.action?.[0]).toMatch(/every measure/i);

    // The closure materials are submitted (awaiting review is enough to apply); the measures reach 100 %.
    await completeChecklist(p.id, world.officerA.user.id, "PENDING");
    for (const m of rectifying.measures ?? []) {
      const done = await call(completeMeasureRoute, "POST", `/measures/${m.id}/complete`, {
        token: world.headA.token,
        params: { id: m.id },
        json: { version: m.version },
      });
      expect(done.status, done.text).toBe(200);
    }
    const ready = await getProblem(p.id, world.headA);
    expect(ready).toMatchObject({ status: "RECTIFYING", progress: 100, allowedActions: [{ action: "APPLY_ACCEPTANCE" }] });

    const applied = await transition(p.id, { action: "APPLY_ACCEPTANCE", version: ready.version }, world.headA);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body).toMatchObject({ status: "PENDING_ACCEPTANCE", allowedActions: [] });
    const appliedTo = (await notificationsOf(p.id, "workflow.APPLY_ACCEPTANCE")).map((n) => n.userId);
    expect(appliedTo).toContain(world.coordinator.user.id);
    expect(appliedTo).toContain(world.leader.user.id);
    expect(appliedTo).not.toContain(world.headA.user.id);

    const history = await call(getTransitionsRoute, "GET", `/problems/${p.id}/transitions`, {
      token: world.officerA.token,
      params: { id: p.id },
    });
    expect(history.status).toBe(200);
    const steps = (history.body as { items: TransitionBody[] }).items;
    expect(steps.map((s) => [s.action, s.fromStatus, s.toStatus])).toEqual([
      ["APPLY_ACCEPTANCE", "RECTIFYING", "PENDING_ACCEPTANCE"],
      ["APPROVE_PLAN", "ASSIGNED", "RECTIFYING"],
      ["RETURN_PLAN", "ASSIGNED", "ASSIGNED"],
      ["ASSIGN", "REGISTERED", "ASSIGNED"],
    ]);
    expect(steps[2]?.comment).toBe("措施不够具体，请细化时间节点");
    expect(steps.map((s) => s.actorId)).toEqual([
      world.headA.user.id,
      world.leader.user.id,
      world.leader.user.id,
      world.coordinator.user.id,
    ]);
    const audits = await db.auditLog.findMany({
      where: { entityType: "Problem", entityId: p.id, action: "transition" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.after as { workflowAction: string }).workflowAction)).toEqual([
      "ASSIGN",
      "RETURN_PLAN",
      "APPROVE_PLAN",
      "APPLY_ACCEPTANCE",
    ]);
    expect(audits[0]?.before).toMatchObject({ status: "REGISTERED" });
    expect(audits[0]?.after).toMatchObject({ status: "ASSIGNED" });
  });

  it("the coordinator may apply for acceptance too", async () => {
    const p = await problemOf({ status: "RECTIFYING", measures: [{ status: "DONE" }] });
    await completeChecklist(p.id, world.officerA.user.id);
    const r = await transition(p.id, { action: "APPLY_ACCEPTANCE", version: 1 }, world.coordinator);
    expect(r.status, r.text).toBe(200);
    expect((r.body as ProblemBody).status).toBe("PENDING_ACCEPTANCE");
  });
});

describe("who may take each step", () => {
  it("ASSIGN: only the coordinator; other roles 403, another division 404", async () => {
    const p = await problemOf();
    for (const who of [world.admin, world.leader, world.headA, world.officerA, world.officerB, world.viewer]) {
      const r = await transition(p.id, { action: "ASSIGN", version: 1 }, who);
      expect(r.status, `${who.user.role}: ${r.text}`).toBe(403);
    }
    expect((await transition(p.id, { action: "ASSIGN", version: 1 }, world.headB)).status).toBe(404);
    expect(await rowsOf(p.id)).toMatchObject({ status: "REGISTERED", version: 1, transitions: 0, audits: 0, notifications: 0 });
  });

  it("APPLY_ACCEPTANCE: not the lead official, another leader, a co-operating division, a field officer or a viewer", async () => {
    const p = await problemOf({ status: "RECTIFYING", measures: [{ status: "DONE" }], coUnitIds: [world.divisionB.id] });
    for (const who of [world.leader, otherLeader, world.headB, world.officerA, world.viewer, world.admin]) {
      const r = await transition(p.id, { action: "APPLY_ACCEPTANCE", version: 1 }, who);
      expect(r.status, `${who.user.username}: ${r.text}`).toBe(403);
      expect(leaksInternals(r.text)).toBe(false);
    }
    expect(await rowsOf(p.id)).toMatchObject({ status: "RECTIFYING", version: 1, transitions: 0 });
  });

  it("a division head of another division, and a field officer elsewhere, do not see the problem's history (404)", async () => {
    const p = await problemOf();
    for (const who of [world.headB, world.officerB]) {
      const r = await call(getTransitionsRoute, "GET", `/problems/${p.id}/transitions`, {
        token: who.token,
        params: { id: p.id },
      });
      expect(r.status).toBe(404);
    }
  });

  it("unauthenticated callers get 401", async () => {
    const p = await problemOf();
    const r = await call(transitionRoute, "POST", `/problems/${p.id}/transitions`, {
      params: { id: p.id },
      json: { action: "ASSIGN", version: 1 },
    });
    expect(r.status).toBe(401);
  });
});

describe("refusals", () => {
  it("an action not possible now answers 422 naming the allowed ones", async () => {
    const p = await problemOf();
    const r = await transition(p.id, { action: "APPLY_ACCEPTANCE", version: 1 }, world.coordinator);
    expect(r.status).toBe(422);
    const fields = errorOf(r).fields?.action ?? [];
    expect(fields[0]).toMatch(/not possible in the current state/);
    expect(fields[1]).toBe("Allowed now: ASSIGN (Assign)");
  });

  it("the messages follow the caller's language", async () => {
    const p = await problemOf();
    const r = await call(transitionRoute, "POST", `/problems/${p.id}/transitions`, {
      token: world.coordinator.token,
      params: { id: p.id },
      json: { action: "APPLY_ACCEPTANCE", version: 1 },
      headers: { "accept-language": "zh-CN" },
    });
    expect(errorOf(r).fields?.action).toEqual(["当前状态下不能执行此操作", "可执行的操作：ASSIGN (交办)"]);
  });

  it("the closure half answers 422 naming its own route, with the allowed list", async () => {
    const p = await problemOf({ status: "PENDING_ACCEPTANCE", measures: [{ status: "DONE" }] });
    for (const action of ["PASS_ACCEPTANCE", "FAIL_ACCEPTANCE"]) {
      const r = await transition(p.id, { action, comment: "现场核查", version: 1 }, world.coordinator);
      expect(r.status).toBe(422);
      expect(errorOf(r).fields?.action).toEqual([
        "This step has its own form and record: POST /api/v1/problems/{id}/acceptance",
        "No action is allowed now",
      ]);
    }
    expect(await rowsOf(p.id)).toMatchObject({ status: "PENDING_ACCEPTANCE", version: 1, transitions: 0 });
  });

  it("plan decisions are refused as bare transitions", async () => {
    const p = await problemOf({ status: "ASSIGNED" });
    const r = await transition(p.id, { action: "APPROVE_PLAN", version: 1 }, world.leader);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.action?.[0]).toBe("Approve or return the plan itself");
  });

  it("assignment without a lead official is refused with the reason", async () => {
    const p = await problemOf({ leadOfficialId: null });
    const r = await transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.action?.[0]).toBe("Name a lead official before assigning");
  });

  it("a stale version answers 409 with the current record and changes nothing", async () => {
    const p = await problemOf();
    await db.problem.update({ where: { id: p.id }, data: { title: "他人修改", version: 2 } });
    const r = await transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator);
    expect(r.status).toBe(409);
    expect(errorOf(r).current).toEqual(await getProblem(p.id));
    expect(await rowsOf(p.id)).toMatchObject({ status: "REGISTERED", version: 2, transitions: 0, audits: 0, notifications: 0 });
  });

  it.each([
    ["an unknown action", { action: "CLOSE_NOW", version: 1 }, "action"],
    ["no action", { version: 1 }, "action"],
    ["no version", { action: "ASSIGN" }, "version"],
    ["a version that is not a number", { action: "ASSIGN", version: "abc" }, "version"],
    ["a mass-assigned status", { action: "ASSIGN", version: 1, status: "CLOSED" }, "status"],
    ["a huge comment", { action: "ASSIGN", version: 1, comment: "长".repeat(2001) }, "comment"],
    ["a comment with NUL", { action: "ASSIGN", version: 1, comment: "a\u0000b" }, "comment"],
    ["a comment of the wrong type", { action: "ASSIGN", version: 1, comment: 42 }, "comment"],
  ])("malformed input: %s → 422 on the field", async (_name, json, field) => {
    const p = await problemOf();
    const r = await transition(p.id, json, world.coordinator);
    expect(r.status, r.text).toBe(422);
    expect(errorOf(r).fields?.[field]).toBeDefined();
    expect(leaksInternals(r.text)).toBe(false);
  });

  it("malformed JSON → 400, an id that is no uuid → 404, an array body → 422", async () => {
    const p = await problemOf();
    const bad = await call(transitionRoute, "POST", `/problems/${p.id}/transitions`, {
      token: world.coordinator.token,
      params: { id: p.id },
      raw: "{action:",
    });
    expect(bad.status).toBe(400);
    expect((await transition("not-a-uuid", { action: "ASSIGN", version: 1 }, world.coordinator)).status).toBe(404);
    expect((await transition(p.id, [], world.coordinator)).status).toBe(422);
    expect(await rowsOf(p.id)).toMatchObject({ status: "REGISTERED", transitions: 0 });
  });
});

describe("one transaction", () => {
  const FAULT_FN = "test_workflow_fault";

  afterEach(async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${FAULT_FN} ON "Notification"`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${FAULT_FN} ON "AuditLog"`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${FAULT_FN}()`);
  });

  /** Makes every insert into `table` about this problem fail, as a crash after the status write would. */
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
    "a failing %s insert after the status write leaves nothing behind",
    async (table) => {
      const p = await problemOf();
      await injectFault(table, p.id);
      allowConsoleError();
      const r = await transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator);
      expect(r.status).toBe(500);
      expect(leaksInternals(r.text)).toBe(false);
      expect(await rowsOf(p.id)).toEqual({ status: "REGISTERED", version: 1, transitions: 0, audits: 0, notifications: 0 });
      const stored = await db.problem.findUniqueOrThrow({ where: { id: p.id } });
      expect(stored.assignedAt).toBeNull();
      expect(stored.originalDeadline).toBeNull();
    },
  );

  it("a failing notice after a plan decision leaves the plan undecided and the problem unchanged", async () => {
    const p = await problemOf({ status: "ASSIGNED" });
    const plan = await db.rectificationPlan.create({
      data: { problemId: p.id, versionNo: 1, target: "目标", measures: [], submittedById: world.headA.user.id },
    });
    await injectFault("Notification", p.id);
    allowConsoleError();
    const r = await call(decidePlanRoute, "POST", `/plans/${plan.id}/decision`, {
      token: world.leader.token,
      params: { id: plan.id },
      json: { decision: "APPROVE", version: 1 },
    });
    expect(r.status).toBe(500);
    expect(await db.rectificationPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      status: "SUBMITTED",
      version: 1,
      decidedAt: null,
    });
    expect(await rowsOf(p.id)).toEqual({ status: "ASSIGNED", version: 1, transitions: 0, audits: 0, notifications: 0 });
    expect(await db.auditLog.count({ where: { entityType: "RectificationPlan", entityId: plan.id } })).toBe(0);
  });
});

describe("concurrent steps", () => {
  it("two transitions from the same version: exactly one wins, the other gets 409", async () => {
    const p = await problemOf();
    const results = await Promise.all([
      transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator),
      transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await rowsOf(p.id)).toMatchObject({ status: "ASSIGNED", version: 2, transitions: 1, audits: 1, notifications: 1 });
  });

  it("eight at once through the use case: one step, seven conflicts", async () => {
    const p = await problemOf({ status: "RECTIFYING", measures: [{ status: "DONE" }] });
    await completeChecklist(p.id, world.officerA.user.id);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        transitionProblem(world.coordinator.actor, p.id, { action: "APPLY_ACCEPTANCE", version: 1 })
          .then(() => "ok")
          .catch((e: unknown) => (e instanceof Conflict ? "conflict" : e)),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "conflict")).toHaveLength(7);
    expect(await rowsOf(p.id)).toMatchObject({ status: "PENDING_ACCEPTANCE", version: 2, transitions: 1 });
  });
});

describe("derived fields", () => {
  it("assignment starts the planned pace and grades the colour (due soon with open measures → YELLOW)", async () => {
    const p = await problemOf({ deadline: calendarDay(5), measures: [{ percent: 0 }] });
    const r = await transition(p.id, { action: "ASSIGN", version: 1 }, world.coordinator);
    expect(r.body).toMatchObject({ status: "ASSIGNED", colour: "YELLOW", plannedPercent: 0 });
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).colour).toBe("YELLOW");
  });

  it("an ONGOING-band problem's approved plan puts it in ONGOING, where it never applies for acceptance", async () => {
    const p = await problemOf({ deadlineBand: "ONGOING", deadline: null, status: "ASSIGNED", measures: [{ status: "DONE" }] });
    const plan = await call(submitPlanRoute, "POST", `/problems/${p.id}/plans`, {
      token: world.coordinator.token,
      params: { id: p.id },
      json: { target: "长效管控" },
    });
    const decided = await call(decidePlanRoute, "POST", `/plans/${(plan.body as PlanBody).id}/decision`, {
      token: world.leader.token,
      params: { id: (plan.body as PlanBody).id },
      json: { decision: "APPROVE", version: 1 },
    });
    expect(decided.status, decided.text).toBe(200);
    const ongoing = await getProblem(p.id);
    expect(ongoing).toMatchObject({ status: "ONGOING", colour: "GREEN", plannedPercent: null, allowedActions: [] });
    const r = await transition(p.id, { action: "APPLY_ACCEPTANCE", version: ongoing.version }, world.coordinator);
    expect(r.status).toBe(422);
  });
});
