import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTimelineRoute } from "@/app/api/v1/timeline/route";
import { db } from "@/lib/db";
import type { Timeline } from "@/lib/schemas/timeline";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { calendarDay, createProblem, createUnit } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

let world: World;
let otherLeader: Person;
const ids: Record<string, string> = {};
const day = (offset: number) => calendarDay(offset).toISOString().slice(0, 10);

function timeline(person: Person, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  return call(getTimelineRoute, "GET", `/timeline${qs ? `?${qs}` : ""}`, {
    token: person.token,
    headers: { "accept-language": "zh-CN" },
  });
}

async function codesOf(person: Person, query: Record<string, string>): Promise<string[]> {
  const r = await timeline(person, query);
  expect(r.status, r.text).toBe(200);
  return (r.body as Timeline).items.map((p) => p.code);
}

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
  const a = { districtId: world.districtA.id, leadUnitId: world.divisionA.id, leadOfficialId: world.leader.user.id };
  // Assigned 100 days ago, due in 100 days: half the time has passed.
  const assignedAt = new Date(calendarDay(-100).getTime() + 2 * 3_600_000);
  const p1 = await createProblem(db, {
    ...a,
    code: `TL-${world.tag}-1`,
    status: "RECTIFYING",
    colour: "YELLOW",
    assignedAt,
    deadline: calendarDay(100),
    originalDeadline: calendarDay(40),
    extensionCount: 1,
    measures: [
      { description: "已过节点未完成", milestone: calendarDay(-10), percent: 50 },
      { description: "已完成", milestone: calendarDay(-30), percent: 100 },
      { description: "将来的节点", milestone: calendarDay(60) },
      { description: "没有节点" },
    ],
  });
  ids.p1 = p1.id;
  ids.p2 = (
    await createProblem(db, { ...a, code: `TL-${world.tag}-2`, status: "ASSIGNED", colour: "GREEN", deadline: calendarDay(20) })
  ).id;
  ids.ongoing = (
    await createProblem(db, { ...a, code: `TL-${world.tag}-3`, status: "ONGOING", deadlineBand: "ONGOING", deadline: null })
  ).id;
  ids.closed = (
    await createProblem(db, { ...a, code: `TL-${world.tag}-4`, status: "CLOSED", colour: "BLUE", deadline: calendarDay(-5) })
  ).id;
  ids.otherDistrict = (
    await createProblem(db, {
      districtId: world.districtB.id,
      leadUnitId: world.divisionB.id,
      leadOfficialId: otherLeader.user.id,
      code: `TL-${world.tag}-5`,
      status: "RECTIFYING",
      colour: "RED",
      deadline: calendarDay(-2),
    })
  ).id;
});

describe("GET /api/v1/timeline", () => {
  it("refuses the signed-out", async () => {
    const r = await call(getTimelineRoute, "GET", "/timeline");
    expect(r.status).toBe(401);
  });

  it("answers every signed-in role (within its scope) and refuses an unknown token", async () => {
    for (const person of [
      world.admin,
      world.leader,
      world.coordinator,
      world.headA,
      world.headB,
      world.officerA,
      world.officerB,
      world.viewer,
    ]) {
      const r = await timeline(person, { limit: "1" });
      expect(r.status, person.user.role).toBe(200);
    }
    const forged = await call(getTimelineRoute, "GET", "/timeline", { token: "not-a-real-token-0000000000000000000000000" });
    expect(forged.status).toBe(401);
  });

  it("draws a problem with its start, deadlines, pace and measures in milestone order", async () => {
    const r = await timeline(world.leader, { leadOfficialId: world.leader.user.id });
    expect(r.status, r.text).toBe(200);
    const body = r.body as Timeline;
    expect(body.today).toBe(day(0));
    const p1 = body.items.find((p) => p.id === ids.p1);
    expect(p1).toMatchObject({
      code: `TL-${world.tag}-1`,
      status: "RECTIFYING",
      colour: "YELLOW",
      start: day(-100),
      deadline: day(100),
      originalDeadline: day(40),
      extensionCount: 1,
      plannedPercent: 50,
      overdue: false,
      overdueDays: 0,
      districtCode: world.districtA.code,
      leadUnitId: world.divisionA.id,
      leadUnitName: world.divisionA.name,
      leadOfficialName: world.leader.user.displayName,
    });
    expect(p1?.progress).toBe(Math.round((50 + 100 + 0 + 0) / 4));
    expect(p1?.measures.map((m) => [m.seq, m.description, m.milestone, m.late])).toEqual([
      [1, "已过节点未完成", day(-10), true],
      [2, "已完成", day(-30), false],
      [3, "将来的节点", day(60), false],
      [4, "没有节点", null, false],
    ]);
  });

  it("shows every problem not closed by default, most pressing deadline first and long-term ones last", async () => {
    const codes = await codesOf(world.leader, { leadOfficialId: world.leader.user.id });
    expect(codes).toEqual([`TL-${world.tag}-2`, `TL-${world.tag}-1`, `TL-${world.tag}-3`]);
    const ongoing = (await timeline(world.leader, { leadOfficialId: world.leader.user.id })).body as Timeline;
    expect(ongoing.items.find((p) => p.id === ids.ongoing)).toMatchObject({ deadline: null, plannedPercent: null });
  });

  it("filters by status (closed ones only when asked), district, lead unit, lead official and colour", async () => {
    expect(await codesOf(world.leader, { leadOfficialId: world.leader.user.id, status: "CLOSED" })).toEqual([
      `TL-${world.tag}-4`,
    ]);
    expect(await codesOf(world.leader, { districtCode: world.districtB.code })).toEqual([`TL-${world.tag}-5`]);
    expect(await codesOf(world.leader, { leadUnitId: world.divisionB.id })).toEqual([`TL-${world.tag}-5`]);
    expect(await codesOf(world.leader, { leadOfficialId: otherLeader.user.id })).toEqual([`TL-${world.tag}-5`]);
    expect(await codesOf(world.leader, { leadOfficialId: world.leader.user.id, colour: "YELLOW" })).toEqual([
      `TL-${world.tag}-1`,
    ]);
    expect(await codesOf(world.leader, { districtCode: world.districtA.code, leadUnitId: world.divisionB.id })).toEqual([]);
    // Empty parameters (an untouched filter form) mean "any".
    expect(await codesOf(world.leader, { districtCode: world.districtB.code, leadUnitId: "", status: "" })).toEqual([
      `TL-${world.tag}-5`,
    ]);
  });

  it("stays within the caller's scope: another division and another district see nothing of division A", async () => {
    expect(await codesOf(world.headB, { districtCode: world.districtA.code })).toEqual([]);
    expect(await codesOf(world.officerB, { leadUnitId: world.divisionA.id })).toEqual([]);
    expect(await codesOf(world.headA, { leadOfficialId: world.leader.user.id })).toHaveLength(3);
    expect(await codesOf(world.officerA, { districtCode: world.districtA.code })).toEqual([
      `TL-${world.tag}-2`,
      `TL-${world.tag}-1`,
      `TL-${world.tag}-3`,
    ]);
    expect(await codesOf(world.viewer, { districtCode: world.districtB.code })).toEqual([`TL-${world.tag}-5`]);
  });

  it("draws at most `limit` problems and says how many match", async () => {
    const r = await timeline(world.leader, { leadOfficialId: world.leader.user.id, limit: "2" });
    const body = r.body as Timeline;
    expect(body.items).toHaveLength(2);
    expect(body).toMatchObject({ total: 3, truncated: true });
    const all = (await timeline(world.leader, { leadOfficialId: world.leader.user.id })).body as Timeline;
    expect(all).toMatchObject({ total: 3, truncated: false });
  });

  it("answers malformed filters with 422 and a message per parameter, never a 500", async () => {
    for (const [query, field] of [
      [{ districtCode: "abc" }, "districtCode"],
      [{ leadUnitId: "not-a-uuid" }, "leadUnitId"],
      [{ status: "DONE" }, "status"],
      [{ colour: "PURPLE" }, "colour"],
      [{ limit: "201" }, "limit"],
      [{ limit: "0" }, "limit"],
      [{ limit: "ten" }, "limit"],
      [{ sort: "code" }, "sort"],
      [{ leadOfficialId: "' OR 1=1 --" }, "leadOfficialId"],
    ] as const) {
      const r = await timeline(world.leader, query);
      expect(r.status, JSON.stringify(query)).toBe(422);
      expect(Object.keys(errorOf(r).fields ?? {})).toEqual([field]);
      expect(leaksInternals(r.text)).toBe(false);
    }
  });
});

describe("getTimeline", () => {
  it("caps the board at 200 problems", async () => {
    const leader = await createPerson("LEADER");
    const unit = await createUnit(db, { kind: "DIVISION" });
    await db.problem.createMany({
      data: Array.from({ length: 203 }, (_, i) => ({
        code: `TLC-${world.tag}-${String(i).padStart(3, "0")}`,
        title: `挂图上限${i}`,
        description: "上限测试",
        source: "SELF_CHECK" as const,
        category: "AIR" as const,
        districtId: world.districtA.id,
        leadUnitId: unit.id,
        leadOfficialId: leader.user.id,
        deadlineBand: "SHORT" as const,
        deadline: calendarDay(i),
        status: "RECTIFYING" as const,
      })),
    });
    const body = await getTimeline(leader.actor, { leadOfficialId: leader.user.id });
    expect(body.items).toHaveLength(200);
    expect(body).toMatchObject({ total: 203, truncated: true });
    expect(body.items[0]?.code).toBe(`TLC-${world.tag}-000`);
  });

  it("computes lateness and pace against the given clock", async () => {
    const later = new Date(calendarDay(150).getTime() + 3_600_000);
    const body = await getTimeline(world.leader.actor, { leadOfficialId: world.leader.user.id }, { now: later });
    const p1 = body.items.find((p) => p.id === ids.p1);
    expect(p1).toMatchObject({ overdue: true, overdueDays: 50, plannedPercent: 100 });
    expect(p1?.measures.find((m) => m.description === "将来的节点")?.late).toBe(true);
  });
});
