import { beforeAll, describe, expect, it } from "vitest";
import { GET as getHistory } from "@/app/api/v1/problems/[id]/history/route";
import { PATCH as patchProblem } from "@/app/api/v1/problems/[id]/route";
import { POST as createProblemRoute } from "@/app/api/v1/problems/route";
import { db } from "@/lib/db";
import { createProblem as createProblemUseCase } from "@/lib/server/problems/create-problem";
import { updateProblem } from "@/lib/server/problems/update-problem";
import { call } from "../support/api";
import { createWorld, problemInput, type World } from "../support/world";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

const auditRows = (entityId: string) =>
  db.auditLog.findMany({ where: { entityType: "Problem", entityId }, orderBy: { id: "asc" } });

describe("audit trail of a problem", () => {
  it("registering a problem writes one row: who, what, create, and the full record after", async () => {
    const r = await call(createProblemRoute, "POST", "/problems", {
      token: world.coordinator.token,
      json: problemInput(world, { title: `审计登记${world.tag}`, target: "年底前完成截污" }),
    });
    expect(r.status, r.text).toBe(201);
    const created = r.body as { id: string; code: string };
    const rows = await auditRows(created.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ actorId: world.coordinator.user.id, entityType: "Problem", action: "create", before: null });
    expect(row?.requestId).toBe(r.headers.get("x-request-id"));
    expect(row?.after).toMatchObject({
      code: created.code,
      title: `审计登记${world.tag}`,
      target: "年底前完成截污",
      status: "REGISTERED",
      districtCode: world.districtA.code,
      leadUnitId: world.divisionA.id,
      deadline: "2027-06-30",
      version: 1,
    });
  });

  it("an edit writes one row holding only what changed, before and after", async () => {
    const created = await createProblemUseCase(world.coordinator.actor, problemInput(world, { title: `审计修改${world.tag}` }));
    await updateProblem(world.coordinator.actor, created.id, { target: "旧目标", version: 1 });
    const r = await call(patchProblem, "PATCH", `/problems/${created.id}`, {
      token: world.headA.token,
      params: { id: created.id },
      json: { target: "新目标", responsiblePerson: "李四", version: 2 },
    });
    expect(r.status, r.text).toBe(200);
    const rows = await auditRows(created.id);
    expect(rows.map((x) => x.action)).toEqual(["create", "update", "update"]);
    const last = rows[2];
    expect(last?.actorId).toBe(world.headA.user.id);
    expect(last?.before).toEqual({ target: "旧目标", responsiblePerson: null, version: 2 });
    expect(last?.after).toEqual({ target: "新目标", responsiblePerson: "李四", version: 3 });
  });

  it("a refused edit leaves no audit row", async () => {
    const created = await createProblemUseCase(world.coordinator.actor, problemInput(world, { title: `审计拒绝${world.tag}` }));
    await expect(updateProblem(world.coordinator.actor, created.id, { target: "x", version: 9 })).rejects.toMatchObject({
      status: 409,
    });
    await expect(updateProblem(world.viewer.actor, created.id, { target: "x", version: 1 })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      updateProblem(world.coordinator.actor, created.id, { deadline: "2026-02-30", version: 1 }),
    ).rejects.toMatchObject({
      status: 422,
    });
    expect((await auditRows(created.id)).map((x) => x.action)).toEqual(["create"]);
  });

  it("the history route shows the trail newest first, with the actor's name", async () => {
    const created = await createProblemUseCase(world.coordinator.actor, problemInput(world, { title: `审计历史${world.tag}` }));
    await updateProblem(world.coordinator.actor, created.id, { target: "第一次", version: 1 });
    const r = await call(getHistory, "GET", `/problems/${created.id}/history`, {
      token: world.viewer.token,
      params: { id: created.id },
    });
    expect(r.status).toBe(200);
    const items = (r.body as { items: { action: string; actorName: string; after: unknown }[] }).items;
    expect(items.map((i) => i.action)).toEqual(["update", "create"]);
    expect(items[0]).toMatchObject({ actorName: world.coordinator.user.displayName, after: { target: "第一次" } });
  });
});

describe("the audit log is append-only in the database", () => {
  let rowId: bigint;

  beforeAll(async () => {
    const created = await createProblemUseCase(world.coordinator.actor, problemInput(world, { title: `审计只增${world.tag}` }));
    rowId = (await auditRows(created.id))[0]?.id as bigint;
  });

  it.each([
    ["UPDATE", `UPDATE "AuditLog" SET "action" = 'tampered' WHERE "id" = $1`],
    ["DELETE", `DELETE FROM "AuditLog" WHERE "id" = $1`],
  ])("%s of an audit row fails and the row stays as written", async (_op, sql) => {
    await expect(db.$executeRawUnsafe(sql, rowId)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUnique({ where: { id: rowId } })).toMatchObject({ action: "create" });
  });

  it("TRUNCATE of the audit log fails", async () => {
    const before = await db.auditLog.count();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count()).toBeGreaterThanOrEqual(before);
  });

  it("the ORM's update and delete fail too", async () => {
    await expect(db.auditLog.update({ where: { id: rowId }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditLog.deleteMany({ where: { id: rowId } })).rejects.toThrow();
    expect(await db.auditLog.findUnique({ where: { id: rowId } })).toMatchObject({ action: "create" });
  });
});
