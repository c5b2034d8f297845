import type { ProblemStatus } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeRoute } from "@/app/api/v1/measures/[id]/complete/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/measures/[id]/route";
import { POST as orderRoute } from "@/app/api/v1/problems/[id]/measures/order/route";
import { POST as addRoute, GET as listRoute } from "@/app/api/v1/problems/[id]/measures/route";
import { GET as getProblemRoute } from "@/app/api/v1/problems/[id]/route";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import type { MeasureDetailDto, MeasureListDto } from "@/lib/schemas/measure";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { calendarDay, createMeasure, createProblem } from "../factories";
import { WORLD_ACTORS, type WorldActor, worldToken } from "../support/actor-matrix";
import { type ApiResult, call, errorOf } from "../support/api";
import { createPerson, createWorld, type World } from "../support/world";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

/** Leaves no open work behind: other files read ledger-wide lists (late reporters, "My work"). */
afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
});

const DAY_MS = 86_400_000;

/** A problem of division A in district A, under rectification since 200 days, due in 200: planned pace 50 %. */
function newProblem(overrides: Parameters<typeof createProblem>[1] = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "RECTIFYING",
    assignedAt: new Date(Date.now() - 200 * DAY_MS),
    deadline: calendarDay(200),
    ...overrides,
  });
}

const list = (problemId: string, token = world.coordinator.token) =>
  call(listRoute, "GET", `/problems/${problemId}/measures`, { token, params: { id: problemId } });
const add = (problemId: string, json: unknown, token = world.coordinator.token) =>
  call(addRoute, "POST", `/problems/${problemId}/measures`, { token, params: { id: problemId }, json });
const patch = (id: string, json: unknown, token = world.coordinator.token) =>
  call(patchRoute, "PATCH", `/measures/${id}`, { token, params: { id }, json });
const complete = (id: string, version: number, token = world.coordinator.token) =>
  call(completeRoute, "POST", `/measures/${id}/complete`, { token, params: { id }, json: { version } });
const reorder = (problemId: string, ids: string[], token = world.coordinator.token) =>
  call(orderRoute, "POST", `/problems/${problemId}/measures/order`, { token, params: { id: problemId }, json: { ids } });
const remove = (id: string, version: number, token = world.coordinator.token) =>
  call(deleteRoute, "DELETE", `/measures/${id}?version=${version}`, { token, params: { id } });

const body = (r: ApiResult) => r.body as MeasureDetailDto;
const stored = (problemId: string) =>
  db.problem.findUniqueOrThrow({ where: { id: problemId }, select: { progress: true, colour: true, version: true } });
const audits = (measureId: string) =>
  db.auditLog.findMany({ where: { entityType: "Measure", entityId: measureId }, orderBy: { id: "asc" } });

describe("a problem's measures, from first to last", () => {
  it("added at the end, edited, progressed, completed, reopened, reordered and deleted — each with its audit row", async () => {
    const p = await newProblem();
    const added: MeasureDetailDto[] = [];
    for (const description of ["截污纳管", "清淤疏浚", "生态补水"]) {
      const r = await add(p.id, { description, ownerUnitId: world.agencyA.id, ownerPerson: "张工", milestone: "2027-01-31" });
      expect(r.status, r.text).toBe(201);
      added.push(body(r));
    }
    expect(added.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(added[0]).toMatchObject({
      problemId: p.id,
      status: "NOT_STARTED",
      percent: 0,
      weight: 1,
      version: 1,
      completedAt: null,
      ownerUnitName: world.agencyA.name,
      milestone: "2027-01-31",
    });
    const [m1, m2, m3] = added as [MeasureDetailDto, MeasureDetailDto, MeasureDetailDto];

    const edited = await patch(
      m2.id,
      { description: "河道清淤疏浚", weight: 2, ownerPerson: "", milestone: null, version: 1 },
      world.headA.token,
    );
    expect(edited.status, edited.text).toBe(200);
    expect(body(edited)).toMatchObject({
      description: "河道清淤疏浚",
      weight: 2,
      ownerPerson: null,
      milestone: null,
      version: 2,
    });
    const editAudit = (await audits(m2.id)).at(-1);
    expect(editAudit).toMatchObject({ action: "update", actorId: world.headA.user.id });
    expect(editAudit?.before).toMatchObject({ description: "清淤疏浚", weight: 1, ownerPerson: "张工", version: 1 });
    expect(editAudit?.after).toMatchObject({ description: "河道清淤疏浚", weight: 2, ownerPerson: null, version: 2 });

    const progressed = await patch(m1.id, { percent: 40, version: 1 }, world.officerA.token);
    expect(progressed.status, progressed.text).toBe(200);
    expect(body(progressed)).toMatchObject({ percent: 40, status: "IN_PROGRESS", completedAt: null, version: 2 });
    // Weighted: (40×1 + 0×2 + 0×1) / 4 = 10.
    expect(body(progressed).problemProgress).toBe(10);
    expect((await audits(m1.id)).at(-1)).toMatchObject({ action: "progress", after: { percent: 40, status: "IN_PROGRESS" } });

    const done = await complete(m1.id, 2, world.officerA.token);
    expect(done.status, done.text).toBe(200);
    expect(body(done)).toMatchObject({ percent: 100, status: "DONE", version: 3, problemProgress: 25 });
    expect(body(done).completedAt).not.toBeNull();
    expect((await audits(m1.id)).at(-1)).toMatchObject({ action: "complete" });

    const reopened = await patch(m1.id, { percent: 90, version: 3 });
    expect(body(reopened)).toMatchObject({ percent: 90, status: "IN_PROGRESS", completedAt: null, version: 4 });

    const ordered = await reorder(p.id, [m3.id, m1.id, m2.id], world.headA.token);
    expect(ordered.status, ordered.text).toBe(200);
    expect((ordered.body as MeasureListDto).items.map((m) => [m.id, m.seq])).toEqual([
      [m3.id, 1],
      [m1.id, 2],
      [m2.id, 3],
    ]);
    const listed = await list(p.id, world.viewer.token);
    expect((listed.body as MeasureListDto).items.map((m) => m.id)).toEqual([m3.id, m1.id, m2.id]);
    expect((await audits(m3.id)).at(-1)).toMatchObject({ action: "reorder", before: { seq: 3 }, after: { seq: 1 } });

    const deleted = await remove(m3.id, 1);
    expect(deleted.status, deleted.text).toBe(204);
    expect(await db.measure.findUnique({ where: { id: m3.id } })).toBeNull();
    const remaining = (await list(p.id)).body as MeasureListDto;
    expect(remaining.items.map((m) => [m.id, m.seq])).toEqual([
      [m1.id, 1],
      [m2.id, 2],
    ]);
    // (90×1 + 0×2) / 3 = 30.
    expect(remaining.problemProgress).toBe(30);
    expect((await audits(m3.id)).at(-1)).toMatchObject({
      action: "delete",
      before: { problemId: p.id, description: "生态补水" },
    });
  });

  it("a started measure cannot be deleted (422), nor one with a stale version (409)", async () => {
    const p = await newProblem();
    const started = await createMeasure(db, { problemId: p.id, percent: 10 });
    const r = await remove(started.id, 1);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.status?.[0]).toMatch(/\S/);
    const fresh = await createMeasure(db, { problemId: p.id });
    await patch(fresh.id, { description: "改过一次", version: 1 });
    const stale = await remove(fresh.id, 1);
    expect(stale.status).toBe(409);
    expect(errorOf(stale).current).toMatchObject({ id: fresh.id, version: 2 });
    expect(await db.measure.count({ where: { problemId: p.id } })).toBe(2);
  });

  it("completing a measure that is already done is a 422", async () => {
    const p = await newProblem();
    const m = await createMeasure(db, { problemId: p.id, status: "DONE" });
    const r = await complete(m.id, 1);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.status).toBeDefined();
  });

  it("an owner unit that does not exist is a 422 on ownerUnitId", async () => {
    const p = await newProblem();
    const inactive = await db.unit.create({
      data: { code: `X-${world.tag}`, name: "已撤销单位", nameEn: "Gone", kind: "AGENCY", active: false },
    });
    const r = await add(p.id, { description: "措施", ownerUnitId: inactive.id });
    expect(r.status).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(["ownerUnitId"]);
  });

  it("the problem's own version does not move with its measures", async () => {
    const p = await newProblem();
    const r = await add(p.id, { description: "措施" });
    await patch(body(r).id, { percent: 30, version: 1 });
    expect((await stored(p.id)).version).toBe(1);
  });
});

describe("progress and colour follow every change", () => {
  it("behind pace is YELLOW, catching up turns GREEN, weights count, and the problem page shows it", async () => {
    const p = await newProblem();
    expect(p.colour).toBe("GREEN");
    const a = body(await add(p.id, { description: "第一项" }));
    // Half the time gone, nothing done: behind planned pace.
    expect(a).toMatchObject({ problemProgress: 0, problemColour: "YELLOW" });
    expect(await stored(p.id)).toMatchObject({ progress: 0, colour: "YELLOW" });

    const a2 = body(await patch(a.id, { percent: 60, version: 1 }));
    expect(a2).toMatchObject({ problemProgress: 60, problemColour: "GREEN" });

    const b = body(await add(p.id, { description: "第二项（工程量大）", weight: 3 }));
    // (60×1 + 0×3) / 4 = 15.
    expect(b).toMatchObject({ problemProgress: 15, problemColour: "YELLOW" });

    const b2 = body(await complete(b.id, 1));
    // (60 + 300) / 4 = 90.
    expect(b2).toMatchObject({ problemProgress: 90, problemColour: "GREEN" });

    const page = await call(getProblemRoute, "GET", `/problems/${p.id}`, { token: world.viewer.token, params: { id: p.id } });
    expect(page.body).toMatchObject({ progress: 90, colour: "GREEN" });

    const back = body(await patch(b.id, { weight: 1, version: 2 }));
    // (60 + 100) / 2 = 80.
    expect(back.problemProgress).toBe(80);

    await remove((await createMeasure(db, { problemId: p.id, weight: 50 }, { syncProgress: false })).id, 1);
    expect(await stored(p.id)).toMatchObject({ progress: 80, colour: "GREEN" });
  });

  it("an overdue problem stays RED however far its measures get", async () => {
    const p = await newProblem({ deadline: calendarDay(-3) });
    const m = body(await add(p.id, { description: "逾期措施" }));
    expect(m.problemColour).toBe("RED");
    expect(body(await complete(m.id, 1))).toMatchObject({ problemProgress: 100, problemColour: "RED" });
  });
});

describe("measures of a problem that has applied for closure are read-only", () => {
  const READ_ONLY: ProblemStatus[] = ["PENDING_ACCEPTANCE", "PUBLIC_NOTICE", "PENDING_SIGNOFF", "CLOSED"];

  it.each(READ_ONLY)(
    "%s: add, edit, progress, complete, reorder and delete are refused with 422 naming the status",
    async (status) => {
      const p = await newProblem({ status, measures: [{ percent: 100 }, { percent: 0 }] });
      const [done, open] = p.measures.map((m) => ({ id: m.id })) as [{ id: string }, { id: string }];
      const attempts = [
        await add(p.id, { description: "新措施" }),
        await patch(open.id, { description: "改内容", version: 1 }),
        await patch(open.id, { percent: 50, version: 1 }),
        await complete(open.id, 1),
        await reorder(p.id, [open.id, done.id]),
        await remove(open.id, 1),
      ];
      for (const r of attempts) {
        expect(r.status, r.text).toBe(422);
        expect(errorOf(r).fields?.status?.[0]).toMatch(/\S/);
      }
      const after = await db.measure.findMany({ where: { problemId: p.id }, orderBy: { seq: "asc" } });
      expect(after.map((m) => [m.id, m.seq, m.percent, m.version])).toEqual([
        [done.id, 1, 100, 1],
        [open.id, 2, 0, 1],
      ]);
      expect(await db.auditLog.count({ where: { entityType: "Measure", entityId: { in: [done.id, open.id] } } })).toBe(0);
    },
  );

  it.each<ProblemStatus>(["REGISTERED", "ASSIGNED", "RECTIFYING", "ONGOING"])("%s: measures may change", async (status) => {
    const p = await newProblem(status === "ONGOING" ? { status, deadlineBand: "ONGOING", deadline: null } : { status });
    expect((await add(p.id, { description: "可以新增" })).status).toBe(201);
  });
});

describe("stale versions and concurrent edits", () => {
  it("an edit of a stale version is a 409 with the current measure, and changes nothing", async () => {
    const p = await newProblem();
    const m = await createMeasure(db, { problemId: p.id });
    expect((await patch(m.id, { percent: 20, version: 1 })).status).toBe(200);
    const before = await audits(m.id);
    const r = await patch(m.id, { percent: 70, version: 1 }, world.headA.token);
    expect(r.status).toBe(409);
    expect(errorOf(r).code).toBe("CONFLICT");
    expect(errorOf(r).current).toMatchObject({ id: m.id, percent: 20, version: 2 });
    expect((await db.measure.findUniqueOrThrow({ where: { id: m.id } })).percent).toBe(20);
    expect(await audits(m.id)).toHaveLength(before.length);
  });

  it("completing from a stale version is a 409", async () => {
    const p = await newProblem();
    const m = await createMeasure(db, { problemId: p.id });
    await patch(m.id, { percent: 20, version: 1 });
    const r = await complete(m.id, 1, world.officerA.token);
    expect(r.status).toBe(409);
    expect((await db.measure.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("IN_PROGRESS");
  });

  it("of two people recording progress on the same version, exactly one wins", async () => {
    const p = await newProblem();
    const m = await createMeasure(db, { problemId: p.id });
    const results = await Promise.all([
      patch(m.id, { percent: 30, version: 1 }, world.officerA.token),
      patch(m.id, { percent: 80, version: 1 }, world.headA.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = body(results.find((r) => r.status === 200) as ApiResult);
    const row = await db.measure.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ version: 2, percent: winner.percent });
    expect((await stored(p.id)).progress).toBe(winner.percent);
    expect(await audits(m.id)).toHaveLength(1);
  });

  it("ten concurrent edits of one version: one wins, nine conflicts, version + 1", async () => {
    const p = await newProblem();
    const m = await createMeasure(db, { problemId: p.id });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        updateMeasure(world.coordinator.actor, m.id, { percent: 10 + i, version: 1 })
          .then(() => "ok" as const)
          .catch((e: unknown) => (e instanceof Conflict ? "conflict" : e)),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "conflict")).toHaveLength(9);
    expect((await db.measure.findUniqueOrThrow({ where: { id: m.id } })).version).toBe(2);
  });

  it("concurrent additions get distinct places 1..n", async () => {
    const p = await newProblem();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => add(p.id, { description: `并发新增${i}` })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = (await db.measure.findMany({ where: { problemId: p.id }, select: { seq: true } })).map((m) => m.seq);
    expect(seqs.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reordering while others record progress neither deadlocks nor loses an update", async () => {
    const p = await newProblem({ measures: [{}, {}, {}, {}] });
    const ids = p.measures.map((m) => m.id);
    const results = await Promise.all([
      reorder(p.id, [...ids].reverse()),
      ...ids.map((id, i) => patch(id, { percent: 10 * (i + 1), version: 1 }, world.officerA.token)),
      reorder(p.id, ids, world.headA.token),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const rows = await db.measure.findMany({ where: { problemId: p.id }, orderBy: { seq: "asc" } });
    expect(rows.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(rows.map((m) => m.percent).sort((a, b) => a - b)).toEqual([10, 20, 30, 40]);
    expect((await stored(p.id)).progress).toBe(25);
  });
});

describe("reordering", () => {
  it("must name every measure exactly once", async () => {
    const p = await newProblem({ measures: [{}, {}, {}] });
    const [a, b, c] = p.measures.map((m) => m.id) as [string, string, string];
    const other = (await createMeasure(db, { problemId: (await newProblem()).id })).id;
    for (const ids of [[a, b], [a, b, c, other], [a, a, b, c], [a, b, other], []]) {
      const r = await reorder(p.id, ids);
      expect(r.status, JSON.stringify(ids)).toBe(422);
      expect(Object.keys(errorOf(r).fields ?? {})).toEqual(["ids"]);
    }
    const seqs = await db.measure.findMany({ where: { problemId: p.id }, orderBy: { seq: "asc" }, select: { id: true } });
    expect(seqs.map((m) => m.id)).toEqual([a, b, c]);
  });
});

describe("who may do what, and where", () => {
  const ACTORS = WORLD_ACTORS;
  type ActorKey = WorldActor;
  const token = (a: ActorKey) => worldToken(world, a);
  /** No permission → 403 wherever the problem is; permission but out of scope → 404. */
  const expectations = (ok: number, mayTry: readonly ActorKey[], mayDo: readonly ActorKey[]) =>
    Object.fromEntries(
      ACTORS.map((a) => [a, a === "anonymous" ? 401 : mayDo.includes(a) ? ok : mayTry.includes(a) ? 404 : 403]),
    ) as Record<ActorKey, number>;
  const MANAGE = ["coordinator", "headOwn", "headOther"] as const;
  const UPDATE = [...MANAGE, "officerOwn", "officerOther"] as const;

  type Action = { name: string; run: (t: string | null) => Promise<ApiResult>; expect: Record<ActorKey, number> };
  const fresh = async () => {
    const p = await newProblem();
    const m = await createMeasure(db, { problemId: p.id });
    return { p, m };
  };
  const ACTIONS: Action[] = [
    {
      name: "GET /problems/{id}/measures",
      run: async (t) => list((await fresh()).p.id, t as string),
      expect: {
        ...expectations(200, [], ["admin", "leader", "coordinator", "headOwn", "officerOwn", "viewer"]),
        headOther: 404,
        officerOther: 404,
      },
    },
    {
      name: "POST /problems/{id}/measures",
      run: async (t) => add((await fresh()).p.id, { description: "矩阵新增" }, t as string),
      expect: expectations(201, MANAGE, ["coordinator", "headOwn"]),
    },
    {
      name: "PATCH /measures/{id} (details)",
      run: async (t) => patch((await fresh()).m.id, { description: "矩阵修改", version: 1 }, t as string),
      expect: expectations(200, MANAGE, ["coordinator", "headOwn"]),
    },
    {
      name: "PATCH /measures/{id} (percent)",
      run: async (t) => patch((await fresh()).m.id, { percent: 35, version: 1 }, t as string),
      expect: expectations(200, UPDATE, ["coordinator", "headOwn", "officerOwn"]),
    },
    {
      name: "POST /measures/{id}/complete",
      run: async (t) => complete((await fresh()).m.id, 1, t as string),
      expect: expectations(200, UPDATE, ["coordinator", "headOwn", "officerOwn"]),
    },
    {
      name: "POST /problems/{id}/measures/order",
      run: async (t) => {
        const { p, m } = await fresh();
        return reorder(p.id, [m.id], t as string);
      },
      expect: expectations(200, MANAGE, ["coordinator", "headOwn"]),
    },
    {
      name: "DELETE /measures/{id}",
      run: async (t) => remove((await fresh()).m.id, 1, t as string),
      expect: expectations(204, MANAGE, ["coordinator", "headOwn"]),
    },
  ];

  describe.each(ACTIONS)("$name", (action) => {
    it.each(ACTORS)("as %s", async (actor) => {
      const r = await action.run(token(actor));
      expect(r.status, r.text).toBe(action.expect[actor]);
    });
  });

  it("a refused write leaves the measure, the problem and the audit log as they were", async () => {
    const { p, m } = await fresh();
    for (const t of [world.viewer.token, world.leader.token, world.officerB.token, world.headB.token]) {
      await patch(m.id, { percent: 90, version: 1 }, t);
      await complete(m.id, 1, t);
      await remove(m.id, 1, t);
    }
    expect(await db.measure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ percent: 0, version: 1 });
    expect(await stored(p.id)).toMatchObject({ progress: 0, version: 1 });
    expect(await audits(m.id)).toHaveLength(0);
  });

  it("the head of a co-operating division sees the measures but may not manage them (403)", async () => {
    const p = await newProblem({
      leadUnitId: world.divisionB.id,
      districtId: world.districtB.id,
      coUnitIds: [world.divisionA.id],
    });
    const m = await createMeasure(db, { problemId: p.id });
    expect((await list(p.id, world.headA.token)).status).toBe(200);
    expect((await add(p.id, { description: "配合处室新增" }, world.headA.token)).status).toBe(403);
    expect((await patch(m.id, { percent: 10, version: 1 }, world.headA.token)).status).toBe(403);
  });

  it("a co-operating unit that owns a measure records its progress, but only of that measure and not its details", async () => {
    const p = await newProblem({ leadUnitId: world.divisionB.id, districtId: world.districtB.id, coUnitIds: [world.agencyA.id] });
    const owned = await createMeasure(db, { problemId: p.id, ownerUnitId: world.agencyA.id });
    const foreign = await createMeasure(db, { problemId: p.id, ownerUnitId: world.divisionB.id });
    expect((await patch(owned.id, { percent: 50, version: 1 }, world.officerA.token)).status).toBe(200);
    expect((await complete(foreign.id, 1, world.officerA.token)).status).toBe(403);
    expect((await patch(owned.id, { ownerPerson: "换人", version: 2 }, world.officerA.token)).status).toBe(403);
  });

  it("a division head whose unit owns a measure of a co-operated problem records its progress", async () => {
    const p = await newProblem({
      leadUnitId: world.divisionB.id,
      districtId: world.districtB.id,
      coUnitIds: [world.divisionA.id],
    });
    const owned = await createMeasure(db, { problemId: p.id, ownerUnitId: world.divisionA.id });
    expect((await complete(owned.id, 1, world.headA.token)).status).toBe(200);
  });

  it("a division head without a unit manages nothing", async () => {
    const unattached = await createPerson("DIVISION_HEAD", { unitId: null });
    const { p } = await fresh();
    expect((await add(p.id, { description: "无单位" }, unattached.token)).status).toBe(404);
  });

  it("an unknown measure and an out-of-scope one answer alike", async () => {
    const { m } = await fresh();
    const outOfScope = await patch(m.id, { percent: 1, version: 1 }, world.officerB.token);
    const unknown = await patch("6f1c1e52-0000-4000-8000-000000000000", { percent: 1, version: 1 }, world.officerB.token);
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.body).toEqual(unknown.body);
  });
});
