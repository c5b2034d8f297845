import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as dismissRoute } from "@/app/api/v1/problems/[id]/objections/dismiss/route";
import { POST as objectionRoute } from "@/app/api/v1/public/notices/[noticeId]/objections/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { endNotice } from "@/lib/server/closure/end-notice";
import { calendarDay, createProblem } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type World } from "../support/world";

let world: World;
let seq = 0;
const freshAddress = () => `198.18.${process.pid & 255}.${++seq}`;

beforeAll(async () => {
  world = await createWorld();
});
afterEach(() => {
  delete process.env.OBJECTIONS_PER_NOTICE_PER_HOUR;
});

async function noticeInProgress() {
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "PUBLIC_NOTICE",
  });
  const notice = await db.publicNotice.create({
    data: {
      problemId: p.id,
      startsOn: calendarDay(-6),
      endsOn: calendarDay(-1),
      phone: "0510-81821234",
      summary: "整改完成，公示中。",
      createdById: world.coordinator.user.id,
    },
  });
  return { problem: p, noticeId: notice.id };
}

function object(noticeId: string, text: string, headers: Record<string, string>) {
  return call(objectionRoute, "POST", `/public/notices/${noticeId}/objections`, {
    params: { noticeId },
    json: { contact: "13800001111", text },
    headers,
  });
}

describe("public objections cannot be used to stall a closure", () => {
  it("a made-up X-Forwarded-For does not give a sender a fresh allowance", async () => {
    const { noticeId } = await noticeInProgress();
    const socket = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await object(noticeId, `意见${i}`, { [CLIENT_ADDRESS_HEADER]: socket, "x-forwarded-for": `203.0.113.${i}` });
      statuses.push(r.status);
    }
    const settings = await db.setting.findUnique({ where: { key: "objectionsPerHour" } });
    const perHour = typeof settings?.value === "number" ? settings.value : 5;
    expect(statuses.filter((s) => s === 201).length).toBe(Math.min(perHour, 8));
    expect(statuses).toContain(429);
  });

  it("one notice accepts at most its own limit per hour from all addresses together", async () => {
    process.env.OBJECTIONS_PER_NOTICE_PER_HOUR = "4";
    const { noticeId } = await noticeInProgress();
    for (let i = 0; i < 4; i++) {
      expect((await object(noticeId, `意见${i}`, { [CLIENT_ADDRESS_HEADER]: freshAddress() })).status).toBe(201);
    }
    const r = await object(noticeId, "又一条", { [CLIENT_ADDRESS_HEADER]: freshAddress(), "accept-language": "zh-CN" });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.objection.count({ where: { noticeId } })).toBe(4);
  });

  it.each([
    ["zero-width spaces", "\u200b\u200b\u200b"],
    ["a BOM and joiners", "\ufeff\u2060\u200d"],
    ["ideographic spaces", "\u3000\u3000"],
    ["bidi marks only", "\u200e\u200f\u202e"],
  ])("an objection of %s only is refused (422)", async (_label, text) => {
    const { noticeId } = await noticeInProgress();
    const r = await object(noticeId, text, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    expect(r.status, r.text).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toContain("text");
    expect(await db.objection.count({ where: { noticeId } })).toBe(0);
  });

  it("the coordinator dismisses spam in bulk, audited, and the notice can then end", async () => {
    const { problem, noticeId } = await noticeInProgress();
    for (let i = 0; i < 3; i++) await object(noticeId, `广告${i}`, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    const ids = (await db.objection.findMany({ where: { noticeId }, select: { id: true } })).map((o) => o.id);
    expect(ids).toHaveLength(3);
    // Pending objections hold up the end.
    await expect(endNotice(world.coordinator.actor, problem.id, { version: problem.version })).rejects.toMatchObject({
      status: 422,
    });

    const viewer = await call(dismissRoute, "POST", `/problems/${problem.id}/objections/dismiss`, {
      token: world.viewer.token,
      params: { id: problem.id },
      json: { objectionIds: ids, note: "垃圾信息", version: problem.version },
    });
    expect(viewer.status).toBe(403);
    const r = await call(dismissRoute, "POST", `/problems/${problem.id}/objections/dismiss`, {
      token: world.coordinator.token,
      params: { id: problem.id },
      json: { objectionIds: ids, note: "垃圾信息，批量驳回", version: problem.version },
    });
    expect(r.status, r.text).toBe(200);
    expect(await db.objection.count({ where: { noticeId, status: "DISMISSED", handledById: world.coordinator.user.id } })).toBe(
      3,
    );
    expect(await db.auditLog.count({ where: { entityType: "Objection", entityId: { in: ids }, action: "decide" } })).toBe(3);

    const again = await call(dismissRoute, "POST", `/problems/${problem.id}/objections/dismiss`, {
      token: world.coordinator.token,
      params: { id: problem.id },
      json: { objectionIds: ids, note: "再来一次", version: problem.version },
    });
    expect(again.status).toBe(409);

    await endNotice(world.coordinator.actor, problem.id, { version: problem.version });
    expect((await db.publicNotice.findUniqueOrThrow({ where: { id: noticeId } })).status).toBe("ENDED");
  });

  it("bulk dismissal is all or nothing: one objection already handled refuses the whole request, nothing changes", async () => {
    const { problem, noticeId } = await noticeInProgress();
    for (let i = 0; i < 3; i++) await object(noticeId, `刷屏${i}`, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    const ids = (await db.objection.findMany({ where: { noticeId }, orderBy: { text: "asc" }, select: { id: true } })).map(
      (o) => o.id,
    );
    await db.objection.update({
      where: { id: ids[0] as string },
      data: { status: "UPHELD", handledById: world.coordinator.user.id },
    });
    const audit = await db.auditLog.count({ where: { entityId: { in: ids } } });
    const r = await call(dismissRoute, "POST", `/problems/${problem.id}/objections/dismiss`, {
      token: world.coordinator.token,
      params: { id: problem.id },
      json: { objectionIds: ids, note: "刷屏", version: problem.version },
      headers: { "accept-language": "zh-CN" },
    });
    expect(r.status, r.text).toBe(409);
    expect((await db.objection.findMany({ where: { noticeId }, orderBy: { text: "asc" } })).map((o) => o.status)).toEqual([
      "UPHELD",
      "PENDING",
      "PENDING",
    ]);
    expect(await db.auditLog.count({ where: { entityId: { in: ids } } })).toBe(audit);
  });

  it("each dismissal's audit row names who dismissed it, when, and the note; the closure shows it", async () => {
    const { problem, noticeId } = await noticeInProgress();
    for (let i = 0; i < 2; i++) await object(noticeId, `广告${i}`, { [CLIENT_ADDRESS_HEADER]: freshAddress() });
    const ids = (await db.objection.findMany({ where: { noticeId }, select: { id: true } })).map((o) => o.id);
    const before = Date.now();
    const r = await call(dismissRoute, "POST", `/problems/${problem.id}/objections/dismiss`, {
      token: world.coordinator.token,
      params: { id: problem.id },
      json: { objectionIds: ids, note: "同一来源重复广告", version: problem.version },
    });
    expect(r.status, r.text).toBe(200);
    const rows = await db.auditLog.findMany({ where: { entityType: "Objection", entityId: { in: ids }, action: "decide" } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.actorId).toBe(world.coordinator.user.id);
      expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
      expect(row.after).toMatchObject({ status: "DISMISSED", handlingNote: "同一来源重复广告", bulk: true });
    }
    const objections = (
      r.body as {
        notices: { objections: { id: string; status: string; handledByName: string; handledAt: string; sender: string }[] }[];
      }
    ).notices[0]?.objections;
    expect(objections).toHaveLength(2);
    for (const o of objections ?? []) {
      expect(o).toMatchObject({ status: "DISMISSED", handledByName: world.coordinator.user.displayName });
      expect(Date.parse(o.handledAt)).toBeGreaterThanOrEqual(before - 5_000);
      // The sender tag lets the coordinator group spam by address without seeing the address.
      expect(o.sender).toMatch(/^[0-9a-f]{8}$/);
    }
  });
});
