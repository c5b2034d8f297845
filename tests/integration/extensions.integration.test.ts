import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as decisionRoute } from "@/app/api/v1/extensions/[id]/decision/route";
import { GET as listAllRoute } from "@/app/api/v1/extensions/route";
import { GET as listRoute, POST as requestRoute } from "@/app/api/v1/problems/[id]/extensions/route";
import { GET as getProblemRoute } from "@/app/api/v1/problems/[id]/route";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import type { ExtensionDto, ExtensionPage } from "@/lib/schemas/extension";
import { decideExtension } from "@/lib/server/extensions/decide-extension";
import { requestExtension } from "@/lib/server/extensions/request-extension";
import { calendarDay, createExtension, createProblem } from "../factories";
import { WORLD_ACTORS, type WorldActor, worldToken } from "../support/actor-matrix";
import { type ApiResult, call, errorOf } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

/** Lets a test make the notification step fail, to prove the whole change rolls back with it. */
const fault = vi.hoisted(() => ({ notify: false }));
vi.mock("@/lib/server/notifications/notify", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/notifications/notify")>();
  return {
    ...real,
    notify: (...args: Parameters<typeof real.notify>) => {
      if (fault.notify) throw new Error("notification outbox unavailable");
      return real.notify(...args);
    },
  };
});

let world: World;
let otherLeader: Person;

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
});

/** Leaves no open work behind: other files read ledger-wide lists (late reporters, "My work"). */
afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
});

const day = (offset: number) => formatCalendarDate(calendarDay(offset));

function newProblem(overrides: Parameters<typeof createProblem>[1] = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "RECTIFYING",
    assignedAt: new Date(Date.now() - 60 * 86_400_000),
    deadline: calendarDay(30),
    ...overrides,
  });
}

const request = (problemId: string, json: unknown, token = world.headA.token) =>
  call(requestRoute, "POST", `/problems/${problemId}/extensions`, { token, params: { id: problemId }, json });
const decide = (id: string, json: unknown, token = world.leader.token) =>
  call(decisionRoute, "POST", `/extensions/${id}/decision`, { token, params: { id }, json });
const ext = (r: ApiResult) => r.body as ExtensionDto;
const notices = (userId: string, problemId: string) =>
  db.notification.findMany({ where: { userId, problemId }, orderBy: { createdAt: "asc" } });

describe("requesting an extension", () => {
  it("the lead division asks; the request keeps the old deadline and the lead official is notified", async () => {
    const p = await newProblem();
    const r = await request(p.id, { newDeadline: day(120), reason: "汛期无法施工，需顺延" });
    expect(r.status, r.text).toBe(201);
    expect(ext(r)).toMatchObject({
      problemId: p.id,
      oldDeadline: day(30),
      newDeadline: day(120),
      reason: "汛期无法施工，需顺延",
      status: "PENDING",
      requestedById: world.headA.user.id,
      decidedById: null,
      version: 1,
      problem: { id: p.id, deadline: day(30), originalDeadline: null, extensionCount: 0 },
    });
    const [notice] = await notices(world.leader.user.id, p.id);
    expect(notice).toMatchObject({ kind: "extension.requested", link: `/problems/${p.id}` });
    expect(notice?.title).toContain(p.code);
    expect(notice?.body).toContain(day(120));
    expect(await db.auditLog.findFirst({ where: { entityType: "Extension", entityId: ext(r).id } })).toMatchObject({
      action: "request",
      actorId: world.headA.user.id,
      after: { problemId: p.id, status: "PENDING", newDeadline: day(120) },
    });
    // Asking changes nothing on the problem yet.
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ version: 1, extensionCount: 0 });
  });

  it("one request waits at a time: a second one is a 409 carrying the pending request", async () => {
    const p = await newProblem();
    const first = await request(p.id, { newDeadline: day(90), reason: "第一次申请" });
    const second = await request(p.id, { newDeadline: day(100), reason: "第二次申请" }, world.coordinator.token);
    expect(second.status).toBe(409);
    expect(errorOf(second).current).toMatchObject({ id: ext(first).id, status: "PENDING" });
    expect(await db.extension.count({ where: { problemId: p.id } })).toBe(1);
  });

  it("of two simultaneous requests exactly one is stored", async () => {
    const p = await newProblem();
    const results = await Promise.all([
      request(p.id, { newDeadline: day(90), reason: "甲" }),
      request(p.id, { newDeadline: day(95), reason: "乙" }, world.coordinator.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.extension.count({ where: { problemId: p.id } })).toBe(1);
    expect((await notices(world.leader.user.id, p.id)).length).toBe(1);
  });

  it.each([
    ["the same day", 30, "extensionNotLater"],
    ["an earlier day", 10, "extensionNotLater"],
  ])("a new deadline on %s is refused on newDeadline (422)", async (_name, offset) => {
    const p = await newProblem();
    const r = await request(p.id, { newDeadline: day(offset), reason: "理由" });
    expect(r.status).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(["newDeadline"]);
  });

  it("an overdue problem cannot be extended to a day already past", async () => {
    const p = await newProblem({ deadline: calendarDay(-20) });
    const r = await request(p.id, { newDeadline: day(-5), reason: "理由" });
    expect(r.status).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(["newDeadline"]);
    expect((await request(p.id, { newDeadline: day(40), reason: "理由" })).status).toBe(201);
  });

  it.each([
    ["a closed problem", { status: "CLOSED" as const }],
    ["a long-term problem", { status: "ONGOING" as const, deadlineBand: "ONGOING" as const, deadline: null }],
    ["a problem without a lead official", { leadOfficialId: null }],
  ])("%s cannot be extended (422 naming why)", async (_name, overrides) => {
    const p = await newProblem(overrides);
    const r = await request(p.id, { newDeadline: day(400), reason: "理由" });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.status?.[0]).toMatch(/\S/);
    expect(await db.extension.count({ where: { problemId: p.id } })).toBe(0);
  });

  it("a failure to notify leaves no request and no audit row behind", async () => {
    const p = await newProblem();
    fault.notify = true;
    try {
      await expect(requestExtension(world.headA.actor, p.id, { newDeadline: day(90), reason: "通知失败" })).rejects.toThrow(
        "notification outbox unavailable",
      );
    } finally {
      fault.notify = false;
    }
    expect(await db.extension.count({ where: { problemId: p.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "Extension", after: { path: ["problemId"], equals: p.id } } })).toBe(0);
  });
});

describe("deciding an extension", () => {
  it("approval moves the deadline, keeps the original visible, counts it, restarts escalation and recolours", async () => {
    const p = await newProblem({ deadline: calendarDay(-3), escalation: "YELLOW", colour: "RED", version: 4 });
    const requested = ext(await request(p.id, { newDeadline: day(60), reason: "设备采购周期长" }));
    const r = await decide(requested.id, { decision: "APPROVE", comment: "同意，务必按期完成", version: 1 });
    expect(r.status, r.text).toBe(200);
    expect(ext(r)).toMatchObject({
      status: "APPROVED",
      decidedById: world.leader.user.id,
      decidedByName: world.leader.user.displayName,
      decisionComment: "同意，务必按期完成",
      version: 2,
      problem: { deadline: day(60), originalDeadline: day(-3), extensionCount: 1, version: 5 },
    });
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      escalation: "NONE",
      extensionCount: 1,
      version: 5,
    });
    const page = await call(getProblemRoute, "GET", `/problems/${p.id}`, { token: world.viewer.token, params: { id: p.id } });
    expect(page.body).toMatchObject({ deadline: day(60), originalDeadline: day(-3), extensionCount: 1, overdue: false });
    expect((page.body as { colour: string }).colour).not.toBe("RED");

    const [notice] = await notices(world.headA.user.id, p.id);
    expect(notice).toMatchObject({ kind: "extension.approved" });
    expect(notice?.body).toContain(day(60));
    const problemAudit = await db.auditLog.findFirst({ where: { entityType: "Problem", entityId: p.id, action: "extend" } });
    expect(problemAudit).toMatchObject({
      actorId: world.leader.user.id,
      before: { deadline: day(-3), originalDeadline: null, extensionCount: 0, escalation: "YELLOW", version: 4 },
      after: { deadline: day(60), originalDeadline: day(-3), extensionCount: 1, escalation: "NONE", version: 5 },
    });
    expect(
      await db.auditLog.findFirst({ where: { entityType: "Extension", entityId: requested.id, action: "approve" } }),
    ).toBeTruthy();
  });

  it("a second extension keeps the very first deadline as the original, and the history lists both", async () => {
    const p = await newProblem({ deadline: calendarDay(20) });
    const one = ext(await request(p.id, { newDeadline: day(50), reason: "第一次" }));
    await decide(one.id, { decision: "APPROVE", version: 1 });
    const two = ext(await request(p.id, { newDeadline: day(80), reason: "第二次" }, world.coordinator.token));
    expect(two.oldDeadline).toBe(day(50));
    const r = await decide(two.id, { decision: "APPROVE", version: 1 });
    expect(ext(r).problem).toMatchObject({ deadline: day(80), originalDeadline: day(20), extensionCount: 2 });
    const history = await call(listRoute, "GET", "/x", { token: world.officerA.token, params: { id: p.id } });
    expect((history.body as { items: ExtensionDto[] }).items.map((e) => [e.oldDeadline, e.newDeadline, e.status])).toEqual([
      [day(50), day(80), "APPROVED"],
      [day(20), day(50), "APPROVED"],
    ]);
  });

  it("a rejection needs a comment, leaves the deadline alone and tells the requester", async () => {
    const p = await newProblem();
    const requested = ext(await request(p.id, { newDeadline: day(200), reason: "想多要些时间" }));
    const bare = await decide(requested.id, { decision: "REJECT", version: 1 });
    expect(bare.status).toBe(422);
    expect(Object.keys(errorOf(bare).fields ?? {})).toEqual(["comment"]);
    const blank = await decide(requested.id, { decision: "REJECT", comment: "   ", version: 1 });
    expect(blank.status).toBe(422);

    const r = await decide(requested.id, { decision: "REJECT", comment: "理由不充分，按原期限完成", version: 1 });
    expect(r.status, r.text).toBe(200);
    expect(ext(r)).toMatchObject({ status: "REJECTED", decisionComment: "理由不充分，按原期限完成" });
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      deadline: calendarDay(30),
      originalDeadline: null,
      extensionCount: 0,
      version: 1,
    });
    const [notice] = await notices(world.headA.user.id, p.id);
    expect(notice).toMatchObject({ kind: "extension.rejected" });
    expect(notice?.body).toContain("理由不充分");
    // Rejected, the problem may ask again.
    expect((await request(p.id, { newDeadline: day(90), reason: "补充理由后再次申请" })).status).toBe(201);
  });

  it("a decision taken meanwhile makes the other a 409 with the decided request; deciding again is a 422", async () => {
    const p = await newProblem();
    const requested = ext(await request(p.id, { newDeadline: day(90), reason: "理由" }));
    const results = await Promise.all([
      decide(requested.id, { decision: "APPROVE", version: 1 }),
      decide(requested.id, { decision: "REJECT", comment: "不同意", version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409) as ApiResult;
    expect(errorOf(loser).current).toMatchObject({ id: requested.id, version: 2 });
    expect(["APPROVED", "REJECTED"]).toContain((errorOf(loser).current as ExtensionDto).status);

    const again = await decide(requested.id, { decision: "APPROVE", version: 2 });
    expect(again.status).toBe(422);
    expect(errorOf(again).fields?.status).toBeDefined();
    expect((await notices(world.headA.user.id, p.id)).length).toBe(1);
  });

  it("only the problem's own lead official decides", async () => {
    const p = await newProblem();
    const requested = ext(await request(p.id, { newDeadline: day(90), reason: "理由" }));
    for (const person of [otherLeader, world.coordinator, world.headA, world.admin, world.viewer]) {
      const r = await decide(requested.id, { decision: "APPROVE", version: 1 }, person.token);
      expect(r.status, person.user.username).toBe(403);
    }
    expect((await db.extension.findUniqueOrThrow({ where: { id: requested.id } })).status).toBe("PENDING");
  });

  it("an approval can no longer take effect on a problem closed meanwhile (422); a rejection still can", async () => {
    const p = await newProblem();
    const requested = ext(await request(p.id, { newDeadline: day(90), reason: "理由" }));
    await db.problem.update({ where: { id: p.id }, data: { status: "CLOSED", closedAt: new Date() } });
    const r = await decide(requested.id, { decision: "APPROVE", version: 1 });
    expect(r.status).toBe(422);
    expect((await decide(requested.id, { decision: "REJECT", comment: "已销号，无需延期", version: 1 })).status).toBe(200);
  });

  it("a failure to notify the requester leaves the request pending and the deadline unchanged", async () => {
    const p = await newProblem();
    const requested = ext(await request(p.id, { newDeadline: day(90), reason: "理由" }));
    fault.notify = true;
    try {
      await expect(decideExtension(world.leader.actor, requested.id, { decision: "APPROVE", version: 1 })).rejects.toThrow();
    } finally {
      fault.notify = false;
    }
    expect(await db.extension.findUniqueOrThrow({ where: { id: requested.id } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ extensionCount: 0, version: 1 });
    expect(await db.auditLog.count({ where: { entityType: "Problem", entityId: p.id, action: "extend" } })).toBe(0);
  });
});

describe("who may ask and decide", () => {
  const ACTORS = WORLD_ACTORS;
  type ActorKey = WorldActor;
  const token = (a: ActorKey) => worldToken(world, a);

  const REQUEST: Record<ActorKey, number> = {
    anonymous: 401,
    admin: 403,
    leader: 403,
    viewer: 403,
    officerOwn: 403,
    officerOther: 403,
    coordinator: 201,
    headOwn: 201,
    headOther: 404,
  };
  it.each(ACTORS)("POST /problems/{id}/extensions as %s", async (actor) => {
    const p = await newProblem();
    const r = await request(p.id, { newDeadline: day(90), reason: "矩阵" }, token(actor) as string);
    expect(r.status, r.text).toBe(REQUEST[actor]);
  });

  it.each(ACTORS)("POST /extensions/{id}/decision as %s", async (actor) => {
    const p = await newProblem();
    const pending = await createExtension(db, { problemId: p.id, requestedById: world.headA.user.id });
    const r = await decide(pending.id, { decision: "APPROVE", version: 1 }, token(actor) as string);
    expect(r.status, r.text).toBe(actor === "anonymous" ? 401 : actor === "leader" ? 200 : 403);
  });

  it.each(ACTORS)("GET /problems/{id}/extensions as %s", async (actor) => {
    const p = await newProblem();
    const r = await call(listRoute, "GET", "/x", { token: token(actor), params: { id: p.id } });
    expect(r.status).toBe(actor === "anonymous" ? 401 : actor === "headOther" || actor === "officerOther" ? 404 : 200);
  });

  it("the head of a co-operating division sees the problem but may not ask (403)", async () => {
    const p = await newProblem({
      leadUnitId: world.divisionB.id,
      districtId: world.districtB.id,
      coUnitIds: [world.divisionA.id],
    });
    expect((await request(p.id, { newDeadline: day(90), reason: "配合处室申请" })).status).toBe(403);
  });
});

describe("every extension counts in the statistics", () => {
  it("lists extensions in scope by status and district, with totals by status", async () => {
    const district = world.districtB;
    const make = async () =>
      newProblem({ districtId: district.id, leadUnitId: world.divisionB.id, leadOfficialId: world.leader.user.id });
    const [p1, p2, p3, p4] = await Promise.all([make(), make(), make(), make()]);
    await createExtension(db, { problemId: (p1 as { id: string }).id, requestedById: world.headB.user.id });
    await createExtension(db, { problemId: (p2 as { id: string }).id, requestedById: world.headB.user.id, status: "APPROVED" });
    await createExtension(db, { problemId: (p3 as { id: string }).id, requestedById: world.headB.user.id, status: "APPROVED" });
    await createExtension(db, { problemId: (p4 as { id: string }).id, requestedById: world.headB.user.id, status: "REJECTED" });

    const page = async (query: string, token = world.leader.token) => {
      const r = await call(listAllRoute, "GET", `/extensions?${query}`, { token });
      expect(r.status, r.text).toBe(200);
      return r.body as ExtensionPage;
    };
    const all = await page(`districtCode=${district.code}`);
    expect(all.totals).toEqual({ PENDING: 1, APPROVED: 2, REJECTED: 1, all: 4 });
    expect(all.total).toBe(4);
    const approved = await page(`districtCode=${district.code}&status=APPROVED`);
    expect(approved.total).toBe(2);
    expect(approved.items.every((e) => e.status === "APPROVED" && e.problem.districtCode === district.code)).toBe(true);
    expect(approved.totals).toEqual(all.totals);
    const paged = await page(`districtCode=${district.code}&pageSize=3&page=2`);
    expect(paged.items).toHaveLength(1);

    // Out of scope rows are simply not counted.
    expect((await page(`districtCode=${district.code}`, world.headA.token)).totals.all).toBe(0);
    expect((await page(`districtCode=${district.code}`, world.officerB.token)).totals.all).toBe(4);
    const mine = await page(`districtCode=${district.code}&status=PENDING&leadOfficialId=${world.leader.user.id}`);
    expect(mine.total).toBe(1);
  });
});
