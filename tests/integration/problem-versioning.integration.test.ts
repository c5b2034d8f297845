import { beforeAll, describe, expect, it } from "vitest";
import { GET as getProblem, PATCH as patchProblem } from "@/app/api/v1/problems/[id]/route";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { updateProblem } from "@/lib/server/problems/update-problem";
import { calendarDay, createProblem } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type World } from "../support/world";

type ProblemBody = { id: string; version: number; target: string | null; coUnitIds: string[] };

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

function patch(id: string, json: unknown, token = world.coordinator.token) {
  return call(patchProblem, "PATCH", `/problems/${id}`, { token, params: { id }, json });
}

async function auditCount(id: string): Promise<number> {
  return db.auditLog.count({ where: { entityType: "Problem", entityId: id } });
}

describe("optimistic locking of a ledger row", () => {
  it("each successful edit raises the version by exactly one", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    expect(p.version).toBe(1);
    for (const [i, target] of ["第一稿", "第二稿", "第三稿"].entries()) {
      const r = await patch(p.id, { target, version: i + 1 });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ target, version: i + 2 });
    }
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(4);
  });

  it("an edit of a stale version is refused with 409 carrying the current record, and changes nothing", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    expect((await patch(p.id, { target: "领导已确认的目标", version: 1 })).status).toBe(200);
    const auditsBefore = await auditCount(p.id);

    const stale = await patch(p.id, { target: "基于旧版本的修改", version: 1 });
    expect(stale.status).toBe(409);
    const error = errorOf(stale);
    expect(error.code).toBe("CONFLICT");
    const current = await call(getProblem, "GET", `/problems/${p.id}`, { token: world.coordinator.token, params: { id: p.id } });
    expect(error.current).toEqual(current.body);
    expect(error.current).toMatchObject({ id: p.id, version: 2, target: "领导已确认的目标" });
    expect(await auditCount(p.id)).toBe(auditsBefore);
  });

  it("a version from the future is also a conflict", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const r = await patch(p.id, { target: "x", version: 7 });
    expect(r.status).toBe(409);
    expect((errorOf(r).current as ProblemBody).version).toBe(1);
  });

  it("of two concurrent edits of the same version exactly one wins; the loser gets 409", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const results = await Promise.all([
      patch(p.id, { target: "甲的修改", version: 1 }),
      patch(p.id, { target: "乙的修改", version: 1 }, world.headA.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body as ProblemBody;
    const stored = await db.problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(stored.version).toBe(2);
    expect(stored.target).toBe(winner.target);
    expect(await auditCount(p.id)).toBe(1);
  });

  it("ten concurrent edits of one version: one 200, nine 409, version + 1", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => updateProblem(world.coordinator.actor, p.id, { target: `并发${i}`, version: 1 })).map(
        (promise) => promise.then(() => "ok" as const).catch((e: unknown) => (e instanceof Conflict ? "conflict" : e)),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(9);
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(2);
  });

  it("an edit that leaves out the co-units keeps them", async () => {
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      coUnitIds: [world.divisionB.id, world.agencyA.id],
    });
    const r = await patch(p.id, { target: "只改目标", version: 1 });
    expect(r.status, r.text).toBe(200);
    expect((r.body as ProblemBody).coUnitIds).toEqual([world.divisionB.id, world.agencyA.id].sort());
    expect(await db.problemCoUnit.count({ where: { problemId: p.id } })).toBe(2);
  });

  it("co-units are replaced when given, and an empty list clears them", async () => {
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      coUnitIds: [world.divisionB.id],
    });
    const r1 = await patch(p.id, { coUnitIds: [world.agencyA.id], version: 1 });
    expect((r1.body as ProblemBody).coUnitIds).toEqual([world.agencyA.id]);
    const r2 = await patch(p.id, { coUnitIds: [], version: 2 });
    expect((r2.body as ProblemBody).coUnitIds).toEqual([]);
  });

  it("an edit with nothing to change is refused (422) and keeps the version", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const r = await patch(p.id, { version: 1 });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?._).toBeDefined();
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(1);
  });

  it("a closed problem is read-only (403) until a look-back reopens it", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "CLOSED" });
    const r = await patch(p.id, { target: "销号后修改", version: 1 });
    expect(r.status).toBe(403);
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).target).toBeNull();
  });

  it("switching to ONGOING requires clearing the deadline in the same edit", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const refused = await patch(p.id, { deadlineBand: "ONGOING", version: 1 });
    expect(refused.status).toBe(422);
    expect(Object.keys(errorOf(refused).fields ?? {})).toEqual(["deadline"]);
    const ok = await patch(p.id, { deadlineBand: "ONGOING", deadline: null, version: 1 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ deadlineBand: "ONGOING", deadline: null, version: 2 });
  });
});

describe("a new deadline", () => {
  it("re-arms the escalation ladder; an unchanged deadline leaves it", async () => {
    const w = await createWorld();
    const p = await createProblem(db, {
      districtId: w.districtA.id,
      leadUnitId: w.divisionA.id,
      status: "RECTIFYING",
      escalation: "YELLOW",
      deadline: calendarDay(-2),
    });
    const day = (offset: number) => calendarDay(offset).toISOString().slice(0, 10);
    const same = await updateProblem(w.coordinator.actor, p.id, { deadline: day(-2), target: "同一时限", version: p.version });
    expect(same.escalation).toBe("YELLOW");
    const moved = await updateProblem(w.coordinator.actor, p.id, { deadline: day(60), version: same.version });
    expect(moved.escalation).toBe("NONE");
  });
});
