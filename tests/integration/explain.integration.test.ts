import { beforeAll, describe, expect, it } from "vitest";
import { GET as getHistoryRoute } from "@/app/api/v1/problems/[id]/history/route";
import { GET as getProblemRoute } from "@/app/api/v1/problems/[id]/route";
import { POST as transitionRoute } from "@/app/api/v1/problems/[id]/transitions/route";
import { GET as listProblemsRoute } from "@/app/api/v1/problems/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decidePlan } from "@/lib/server/plans/decide-plan";
import { submitPlan } from "@/lib/server/plans/submit-plan";
import { getWaiting } from "@/lib/server/problems/get-waiting";
import { createProgressReport } from "@/lib/server/reports/create-progress-report";
import { calendarDay, createDistrict, createProblem, type ProblemOverrides } from "../factories";
import { call } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

let world: World;
let otherLeader: Person;

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** A problem of district A led by division A, with `world.leader` as its lead official. */
function problemOf(overrides: ProblemOverrides = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    ...overrides,
  });
}

type Link = { action: string; method: string; href: string };
type ErrorBody = { error: { code: string; allowed?: string[]; missing?: string[] } };

async function allowedOf(id: string, who: Person): Promise<Link[]> {
  const r = await call(getProblemRoute, "GET", `/problems/${id}`, { token: who.token, params: { id } });
  expect(r.status, r.text).toBe(200);
  return (r.body as { allowedActions: Link[] }).allowedActions;
}

async function refusal(id: string, action: string, who: Person) {
  const version = (await db.problem.findUniqueOrThrow({ where: { id } })).version;
  const r = await call(transitionRoute, "POST", `/problems/${id}/transitions`, {
    token: who.token,
    params: { id },
    json: { action, version, comment: "理由" },
  });
  return { status: r.status, error: (r.body as ErrorBody).error };
}

const rectifying = { status: "RECTIFYING" as const, assignedAt: daysAgo(30) };

describe("allowedActions: every step possible now, each with its route, by state × person", () => {
  type Row = { state: string; make: () => ReturnType<typeof problemOf>; who: () => Person; expected: (id: string) => Link[] };
  const transitions = (id: string) => `/api/v1/problems/${id}/transitions`;
  const rows: Row[] = [
    {
      state: "REGISTERED",
      make: () => problemOf(),
      who: () => world.coordinator,
      expected: (id) => [{ action: "ASSIGN", method: "POST", href: transitions(id) }],
    },
    { state: "REGISTERED", make: () => problemOf(), who: () => world.leader, expected: () => [] },
    { state: "REGISTERED", make: () => problemOf(), who: () => world.headA, expected: () => [] },
    {
      state: "RECTIFYING, measures open",
      make: () => problemOf({ ...rectifying, measures: [{ percent: 40 }] }),
      who: () => world.headA,
      expected: () => [],
    },
    {
      state: "PENDING_ACCEPTANCE",
      make: () => problemOf({ status: "PENDING_ACCEPTANCE", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] }),
      who: () => world.coordinator,
      expected: (id) => [{ action: "FAIL_ACCEPTANCE", method: "POST", href: `/api/v1/problems/${id}/acceptance` }],
    },
    {
      state: "PENDING_ACCEPTANCE",
      make: () => problemOf({ status: "PENDING_ACCEPTANCE", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] }),
      who: () => world.headA,
      expected: () => [],
    },
    {
      state: "PENDING_SIGNOFF",
      make: () => problemOf({ status: "PENDING_SIGNOFF", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] }),
      who: () => world.leader,
      expected: (id) => [
        { action: "SIGN_OFF", method: "POST", href: `/api/v1/problems/${id}/sign-off` },
        { action: "RETURN_SIGNOFF", method: "POST", href: `/api/v1/problems/${id}/sign-off` },
      ],
    },
    {
      state: "PENDING_SIGNOFF",
      make: () => problemOf({ status: "PENDING_SIGNOFF", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] }),
      who: () => otherLeader,
      expected: () => [],
    },
    {
      state: "CLOSED",
      make: () => problemOf({ status: "CLOSED", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] }),
      who: () => world.coordinator,
      expected: (id) => [{ action: "LOOKBACK_REOPEN", method: "POST", href: `/api/v1/problems/${id}/lookback` }],
    },
    {
      state: "CLOSED",
      make: () => problemOf({ status: "CLOSED", measures: [{ status: "DONE" }] }),
      who: () => world.viewer,
      expected: () => [],
    },
  ];
  it.each(rows.map((r, i) => [`${r.state} · #${i}`, r] as const))("%s", async (_name, row) => {
    const p = await row.make();
    expect(await allowedOf(p.id, row.who())).toEqual(row.expected(p.id));
  });
});

describe("a refusal says what the caller may do now (error.allowed) and what is missing (error.missing)", () => {
  it("the wrong role: 403, the parties it needs", async () => {
    const p = await problemOf();
    const r = await refusal(p.id, "ASSIGN", world.headA);
    expect(r.status).toBe(403);
    expect(r.error).toMatchObject({ allowed: [], missing: ["ROLE_COORDINATOR"] });
  });

  it("a closure step sent to the transitions route: 422, nothing missing here (its own route is named)", async () => {
    const p = await problemOf({ status: "PENDING_SIGNOFF", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] });
    const r = await refusal(p.id, "SIGN_OFF", otherLeader);
    expect(r.status).toBe(422);
    expect(r.error).toMatchObject({ allowed: [], missing: [] });
  });

  it("a leader who is not the lead official deciding a plan: 403, LEAD_OFFICIAL", async () => {
    const p = await problemOf({ status: "ASSIGNED", assignedAt: daysAgo(1) });
    const plan = await submitPlan(world.headA.actor, p.id, { target: "年底前消除黑臭" });
    const error = await decidePlan(otherLeader.actor, plan.id, { decision: "APPROVE", version: plan.version }).catch(
      (e: AppError) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    expect((error as AppError).choices).toEqual({ allowed: [], missing: ["LEAD_OFFICIAL"] });
  });

  it("too early in the workflow: the milestones still to pass (ASSIGNED, PLAN_APPROVED)", async () => {
    const p = await problemOf();
    const r = await refusal(p.id, "APPLY_ACCEPTANCE", world.coordinator);
    expect(r.status).toBe(422);
    expect(r.error).toMatchObject({ allowed: ["ASSIGN"], missing: ["ASSIGNED", "PLAN_APPROVED"] });
  });

  it("open measures: MEASURES_DONE", async () => {
    const p = await problemOf({ ...rectifying, measures: [{ percent: 40 }] });
    const r = await refusal(p.id, "APPLY_ACCEPTANCE", world.headA);
    expect(r.status).toBe(422);
    expect(r.error).toMatchObject({ allowed: [], missing: ["MEASURES_DONE"] });
  });

  it("closure materials lacking: one EVIDENCE_<kind> per missing kind", async () => {
    const p = await problemOf({ ...rectifying, measures: [{ status: "DONE" }] });
    const r = await refusal(p.id, "APPLY_ACCEPTANCE", world.headA);
    expect(r.status).toBe(422);
    expect(r.error.missing?.length).toBeGreaterThan(0);
    for (const code of r.error.missing ?? []) expect(code).toMatch(/^EVIDENCE_[A-Z_]+$/);
    expect(r.error.missing).toContain("EVIDENCE_AFTER_PHOTO");
  });

  it("a step already behind the problem: the states it needs; the steps possible now are allowed", async () => {
    const p = await problemOf({ status: "PENDING_ACCEPTANCE", assignedAt: daysAgo(30), measures: [{ status: "DONE" }] });
    const r = await refusal(p.id, "ASSIGN", world.coordinator);
    expect(r.status).toBe(422);
    expect(r.error).toMatchObject({ allowed: ["FAIL_ACCEPTANCE"], missing: ["STATUS_REGISTERED"] });
  });
});

describe("the ledger by colour grade (colour=)", () => {
  let districtCode: string;
  let ids: Record<"red" | "yellow" | "green", string>;

  beforeAll(async () => {
    const district = await createDistrict(db);
    districtCode = district.code;
    const base = { districtId: district.id, leadUnitId: world.divisionA.id, leadOfficialId: world.leader.user.id };
    const red = await createProblem(db, {
      ...base,
      ...rectifying,
      colour: "RED",
      deadline: calendarDay(-5),
      measures: [{ percent: 50 }],
    });
    const yellow = await createProblem(db, { ...base, ...rectifying, colour: "YELLOW", measures: [{ percent: 0 }] });
    const green = await createProblem(db, { ...base, colour: "GREEN" });
    ids = { red: red.id, yellow: yellow.id, green: green.id };
  });

  async function list(query: string) {
    const r = await call(listProblemsRoute, "GET", `/problems?districtCode=${districtCode}&${query}`, {
      token: world.coordinator.token,
    });
    return r;
  }

  it("one grade, several (comma-separated) and none", async () => {
    const red = await list("colour=RED");
    expect(red.status, red.text).toBe(200);
    expect((red.body as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([ids.red]);
    const both = await list("colour=RED,YELLOW");
    expect(new Set((both.body as { items: { id: string }[] }).items.map((i) => i.id))).toEqual(new Set([ids.red, ids.yellow]));
    const all = await list("colour=");
    expect((all.body as { total: number }).total).toBe(3);
  });

  it("an unknown grade: 422 on colour", async () => {
    const r = await list("colour=PURPLE");
    expect(r.status).toBe(422);
    expect(Object.keys((r.body as { error: { fields: Record<string, string[]> } }).error.fields)).toEqual(["colour.0"]);
  });

  it("each row carries its colour reason: the overdue one says OVERDUE with its days", async () => {
    const r = await list("colour=RED");
    const item = (r.body as { items: { colourReason: Record<string, unknown> }[] }).items[0];
    expect(item?.colourReason).toMatchObject({ colour: "RED", rule: "OVERDUE", overdueDays: 5, progress: 50, openMeasures: 1 });
  });
});

describe("the history a person can read", () => {
  it("records the plan submission and a report on the whole problem, and names every id it mentions", async () => {
    const p = await problemOf({
      status: "ASSIGNED",
      assignedAt: daysAgo(3),
      measures: [{ percent: 0, description: "截污纳管" }],
    });
    const measureId = (await db.measure.findFirstOrThrow({ where: { problemId: p.id } })).id;
    await submitPlan(world.headA.actor, p.id, { target: "年底前消除黑臭" });
    await createProgressReport(world.headA.actor, p.id, { text: "整体已完成排查", percent: 10 });
    await createProgressReport(world.headA.actor, p.id, { text: "截污管网铺设过半", percent: 50, measureId });

    const r = await call(getHistoryRoute, "GET", `/problems/${p.id}/history`, {
      token: world.viewer.token,
      params: { id: p.id },
    });
    expect(r.status, r.text).toBe(200);
    const body = r.body as {
      items: {
        entityType: string;
        action: string;
        actorName: string;
        subject: Record<string, unknown> | null;
        after: Record<string, unknown>;
      }[];
      refs: Record<string, Record<string, unknown>>;
    };
    const kinds = body.items.map((i) => `${i.entityType}:${i.action}`);
    expect(kinds).toEqual(["Measure:progress", "ProgressReport:create", "ProgressReport:create", "RectificationPlan:create"]);
    expect(body.items.at(-1)).toMatchObject({ actorName: world.headA.user.displayName, subject: { type: "plan", versionNo: 1 } });
    expect(body.items[0]?.subject).toEqual({ type: "measure", seq: 1, description: "截污纳管" });
    const reportId = body.items[0]?.after.progressReportId as string;
    expect(body.refs[reportId]).toMatchObject({ type: "report", percent: 50 });
    // Every id an entry mentions is named (the problem's own id aside).
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const mentioned = JSON.stringify(body.items.map((i) => i.after)).match(/[0-9a-f]{8}-[0-9a-f-]{27}/gi) ?? [];
    for (const id of mentioned.filter((x) => uuid.test(x) && x !== p.id)) expect(body.refs[id], id).toBeDefined();
    expect(body.refs[world.divisionA.id]).toEqual({ type: "unit", name: world.divisionA.name });
  });
});

describe("what waits for the viewer on a problem", () => {
  it("the lead official sees the submitted plan with its anchor; the division head no longer has a plan to write", async () => {
    const p = await problemOf({ status: "ASSIGNED", assignedAt: daysAgo(1) });
    expect((await getWaiting(world.headA.actor, p.id)).map((w) => w.kind)).toEqual(["PLAN_TO_WRITE"]);
    await submitPlan(world.headA.actor, p.id, { target: "年底前消除黑臭" });
    expect(await getWaiting(world.leader.actor, p.id)).toEqual([{ kind: "PLAN_DECISION", count: 1, anchor: "s-plan" }]);
    expect(await getWaiting(world.headA.actor, p.id)).toEqual([]);
    expect(await getWaiting(otherLeader.actor, p.id)).toEqual([]);
  });
});
