import type { ProblemStatus } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/problems/[id]/reports/route";
import { GET as lateRoute } from "@/app/api/v1/reports/late/route";
import { db } from "@/lib/db";
import type { Settings } from "@/lib/domain/settings";
import type { Actor } from "@/lib/permissions";
import type { LateReporterDto, ProgressReportDto, ProgressReportPage } from "@/lib/schemas/report";
import { createProgressReport } from "@/lib/server/reports/create-progress-report";
import { listLateReporters } from "@/lib/server/reports/list-late-reporters";
import { getSettings } from "@/lib/server/settings/get-settings";
import { calendarDay, createMeasure, createProblem, createUnit } from "../factories";
import { WORLD_ACTORS, type WorldActor, worldPerson, worldToken } from "../support/actor-matrix";
import { type ApiResult, call, errorOf } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

let world: World;
let settings: Settings;

beforeAll(async () => {
  world = await createWorld();
  settings = await getSettings();
});

/** Leaves no open work behind: other files read ledger-wide lists (late reporters, "My work"). */
afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
});

const DAY_MS = 86_400_000;

function newProblem(overrides: Parameters<typeof createProblem>[1] = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    status: "RECTIFYING",
    assignedAt: new Date(Date.now() - 20 * DAY_MS),
    deadline: calendarDay(300),
    ...overrides,
  });
}

const post = (problemId: string, json: unknown, token = world.officerA.token) =>
  call(createRoute, "POST", `/problems/${problemId}/reports`, { token, params: { id: problemId }, json });
const get = (problemId: string, query = "", token = world.viewer.token) =>
  call(listRoute, "GET", `/problems/${problemId}/reports${query}`, { token, params: { id: problemId } });
const report = (r: ApiResult) => r.body as ProgressReportDto;

describe("filing progress reports", () => {
  it("records the text, the percent, the reporter and their unit; the list is newest first", async () => {
    const p = await newProblem();
    const first = await post(p.id, { text: "已完成截污管网勘察", percent: 20 });
    expect(first.status, first.text).toBe(201);
    expect(report(first)).toMatchObject({
      problemId: p.id,
      measureId: null,
      reporterId: world.officerA.user.id,
      reporterName: world.officerA.user.displayName,
      unitId: world.agencyA.id,
      unitName: world.agencyA.name,
      text: "已完成截污管网勘察",
      percent: 20,
    });
    const second = await post(p.id, { text: "管网施工过半", percent: "55" }, world.headA.token);
    expect(report(second)).toMatchObject({ percent: 55, unitId: world.divisionA.id });

    const page = (await get(p.id)).body as ProgressReportPage;
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.text)).toEqual(["管网施工过半", "已完成截污管网勘察"]);
    const paged = (await get(p.id, "?pageSize=1&page=2")).body as ProgressReportPage;
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((r) => r.text)).toEqual(["已完成截污管网勘察"]);

    const audit = await db.auditLog.findFirst({ where: { entityType: "ProgressReport", entityId: report(first).id } });
    expect(audit).toMatchObject({ action: "create", actorId: world.officerA.user.id, after: { problemId: p.id, percent: 20 } });
  });

  it("a report about one measure sets that measure's percent, and the problem's progress and colour follow", async () => {
    const p = await newProblem({
      measures: [{ percent: 0 }, { percent: 100 }],
      assignedAt: new Date(Date.now() - 100 * DAY_MS),
      deadline: calendarDay(100),
    });
    const m = p.measures[0] as { id: string };
    const r = await post(p.id, { text: "一号措施完成八成", percent: 80, measureId: m.id });
    expect(r.status, r.text).toBe(201);
    expect(report(r)).toMatchObject({ measureId: m.id, measureSeq: 1 });
    expect(await db.measure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      percent: 80,
      status: "IN_PROGRESS",
      version: 2,
    });
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ progress: 90, colour: "GREEN" });
    const measureAudit = await db.auditLog.findFirst({ where: { entityType: "Measure", entityId: m.id } });
    expect(measureAudit).toMatchObject({
      action: "progress",
      before: { percent: 0 },
      after: { percent: 80, progressReportId: report(r).id },
    });

    const done = await post(p.id, { text: "一号措施完成", percent: 100, measureId: m.id });
    expect(done.status).toBe(201);
    const row = await db.measure.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ percent: 100, status: "DONE", version: 3 });
    expect(row.completedAt).not.toBeNull();
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).progress).toBe(100);
  });

  it("a report about a measure of another problem is a 422 on measureId, and nothing is stored", async () => {
    const p = await newProblem();
    const elsewhere = await createMeasure(db, { problemId: (await newProblem()).id });
    const r = await post(p.id, { text: "报错措施", percent: 10, measureId: elsewhere.id });
    expect(r.status).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(["measureId"]);
    expect(await db.progressReport.count({ where: { problemId: p.id } })).toBe(0);
  });

  it("a co-operating unit reports on the problem, but not on a measure it may not update (403)", async () => {
    const p = await newProblem({ leadUnitId: world.divisionB.id, districtId: world.districtB.id, coUnitIds: [world.agencyA.id] });
    const foreign = await createMeasure(db, { problemId: p.id, ownerUnitId: world.divisionB.id });
    const refused = await post(p.id, { text: "代报他人措施", percent: 50, measureId: foreign.id });
    expect(refused.status).toBe(403);
    expect((await db.measure.findUniqueOrThrow({ where: { id: foreign.id } })).percent).toBe(0);
    expect((await post(p.id, { text: "配合单位工作进展", percent: 30 })).status).toBe(201);
  });

  it.each<[ProblemStatus, number]>([
    ["REGISTERED", 422],
    ["ASSIGNED", 201],
    ["RECTIFYING", 201],
    ["ONGOING", 201],
    ["PENDING_ACCEPTANCE", 422],
    ["PUBLIC_NOTICE", 422],
    ["PENDING_SIGNOFF", 422],
    ["CLOSED", 422],
  ])("status %s → %i", async (status, expected) => {
    const p = await newProblem(status === "ONGOING" ? { status, deadlineBand: "ONGOING", deadline: null } : { status });
    const r = await post(p.id, { text: "进展", percent: 10 });
    expect(r.status, r.text).toBe(expected);
    if (expected === 422) expect(errorOf(r).fields?.status?.[0]).toMatch(/\S/);
  });
});

describe("who may report and read", () => {
  const ACTORS = WORLD_ACTORS;
  type ActorKey = WorldActor;
  const _person = (a: Exclude<ActorKey, "anonymous">) => worldPerson(world, a);
  const token = (a: ActorKey) => worldToken(world, a);

  const POST_EXPECT: Record<ActorKey, number> = {
    anonymous: 401,
    admin: 403,
    leader: 403,
    viewer: 403,
    coordinator: 201,
    headOwn: 201,
    officerOwn: 201,
    headOther: 404,
    officerOther: 404,
  };
  it.each(ACTORS)("POST /problems/{id}/reports as %s → %s", async (actor) => {
    const p = await newProblem();
    const r = await call(createRoute, "POST", "/x", {
      token: token(actor),
      params: { id: p.id },
      json: { text: "矩阵", percent: 5 },
    });
    expect(r.status, r.text).toBe(POST_EXPECT[actor]);
    expect(await db.progressReport.count({ where: { problemId: p.id } })).toBe(r.status === 201 ? 1 : 0);
  });

  it.each(ACTORS)("GET /problems/{id}/reports as %s", async (actor) => {
    const p = await newProblem();
    const r = await call(listRoute, "GET", "/x", { token: token(actor), params: { id: p.id } });
    const expected = actor === "anonymous" ? 401 : actor === "headOther" || actor === "officerOther" ? 404 : 200;
    expect(r.status).toBe(expected);
  });

  it.each(ACTORS)("GET /reports/late as %s", async (actor) => {
    const r = await call(lateRoute, "GET", "/reports/late", { token: token(actor) });
    expect(r.status).toBe(actor === "anonymous" ? 401 : 200);
  });
});

describe("late reporters", () => {
  /** 10:00 in Shanghai on the calendar day `offset` days from a fixed start. */
  const T0 = new Date("2026-03-02T02:00:00Z");
  const dayAt = (offset: number, hour = 10) => new Date(T0.getTime() + offset * DAY_MS + (hour - 10) * 3_600_000);

  async function leadUnitWithHead(): Promise<{ unitId: string; unitName: string; head: Person }> {
    const unit = await createUnit(db, { kind: "DIVISION", name: `督办测试处${Math.random().toString(36).slice(2, 8)}` });
    const head = await createPerson("DIVISION_HEAD", { unitId: unit.id });
    return { unitId: unit.id, unitName: unit.name, head };
  }

  async function lateFor(actor: Actor, now: Date, problemIds: string[]): Promise<LateReporterDto[]> {
    const all = await listLateReporters(actor, {}, { now });
    return all
      .map((u) => ({ ...u, problems: u.problems.filter((p) => problemIds.includes(p.id)) }))
      .filter((u) => u.problems.length > 0);
  }

  it("a lead unit is late once the cycle and the grace have passed without its report, and a report starts a new cycle", async () => {
    const { unitId, unitName, head } = await leadUnitWithHead();
    const p = await newProblem({ leadUnitId: unitId, assignedAt: T0 });
    const { reportCycleDays: cycle, lateReportGraceDays: grace } = settings;
    const late = (offset: number) => lateFor(world.coordinator.actor, dayAt(offset), [p.id]);

    expect(await late(cycle + grace)).toEqual([]);
    expect(await late(cycle + grace + 1)).toEqual([
      {
        unitId,
        unitName,
        problems: [
          {
            id: p.id,
            code: p.code,
            title: p.title,
            lastReportAt: null,
            dueOn: dayAt(cycle).toISOString().slice(0, 10),
            daysLate: grace + 1,
          },
        ],
      },
    ]);

    // The lead unit reports on day 5 (late evening): the next report is due a cycle after that day.
    const filed = await createProgressReport(head.actor, p.id, { text: "阶段进展", percent: 30 }, { now: dayAt(5, 23) });
    expect(await late(cycle + grace + 1)).toEqual([]);
    expect(await late(5 + cycle + grace)).toEqual([]);
    const again = await late(5 + cycle + grace + 4);
    expect(again[0]?.problems[0]).toMatchObject({ lastReportAt: filed.createdAt, daysLate: grace + 4 });
  });

  it("a report by a co-operating unit, or entered by the inspection office, counts for the lead unit", async () => {
    const { unitId } = await leadUnitWithHead();
    const byCoUnit = await newProblem({ leadUnitId: unitId, assignedAt: T0, coUnitIds: [world.agencyA.id] });
    const byOffice = await newProblem({ leadUnitId: unitId, assignedAt: T0 });
    const silent = await newProblem({ leadUnitId: unitId, assignedAt: T0 });
    await createProgressReport(world.officerA.actor, byCoUnit.id, { text: "配合单位报送", percent: 10 }, { now: dayAt(3) });
    await createProgressReport(
      world.coordinator.actor,
      byOffice.id,
      { text: "督察办代录纸质报送", percent: 10 },
      { now: dayAt(4) },
    );
    const now = dayAt(settings.reportCycleDays + settings.lateReportGraceDays + 1);
    const rows = await lateFor(world.coordinator.actor, now, [byCoUnit.id, byOffice.id, silent.id]);
    expect(rows.map((u) => [u.unitId, u.problems.map((p) => p.id)])).toEqual([[unitId, [silent.id]]]);
  });

  it("only problems under rectification or long-term owe reports; the worst unit comes first", async () => {
    const a = await leadUnitWithHead();
    const b = await leadUnitWithHead();
    const statuses: ProblemStatus[] = [
      "REGISTERED",
      "ASSIGNED",
      "PENDING_ACCEPTANCE",
      "PUBLIC_NOTICE",
      "PENDING_SIGNOFF",
      "CLOSED",
    ];
    const quiet = await Promise.all(statuses.map((status) => newProblem({ leadUnitId: a.unitId, status, assignedAt: T0 })));
    const ongoing = await newProblem({
      leadUnitId: a.unitId,
      status: "ONGOING",
      deadlineBand: "ONGOING",
      deadline: null,
      assignedAt: T0,
    });
    const b1 = await newProblem({ leadUnitId: b.unitId, assignedAt: T0 });
    const b2 = await newProblem({ leadUnitId: b.unitId, assignedAt: dayAt(-5) });
    const ids = [...quiet.map((p) => p.id), ongoing.id, b1.id, b2.id];
    const rows = await lateFor(world.coordinator.actor, dayAt(60), ids);
    expect(rows.map((u) => [u.unitId, u.problems.map((p) => p.id)])).toEqual([
      [b.unitId, [b2.id, b1.id]],
      [a.unitId, [ongoing.id]],
    ]);
    expect(rows[0]?.problems.map((p) => p.daysLate)).toEqual([65 - settings.reportCycleDays, 60 - settings.reportCycleDays]);
  });

  it("registration stands in for a missing assignment time", async () => {
    const { unitId } = await leadUnitWithHead();
    const p = await newProblem({ leadUnitId: unitId, assignedAt: null, createdAt: T0 });
    const rows = await lateFor(world.coordinator.actor, dayAt(settings.reportCycleDays + settings.lateReportGraceDays + 1), [
      p.id,
    ]);
    expect(rows[0]?.problems[0]?.daysLate).toBe(settings.lateReportGraceDays + 1);
  });

  it("each caller sees only the late reporters of problems in their scope", async () => {
    const inA = await newProblem({ assignedAt: T0 });
    const inB = await newProblem({ leadUnitId: world.divisionB.id, districtId: world.districtB.id, assignedAt: T0 });
    const ids = [inA.id, inB.id];
    const now = dayAt(40);
    const seen = async (actor: Actor) => (await lateFor(actor, now, ids)).flatMap((u) => u.problems.map((p) => p.id)).sort();
    expect(await seen(world.leader.actor)).toEqual([...ids].sort());
    expect(await seen(world.headA.actor)).toEqual([inA.id]);
    expect(await seen(world.officerB.actor)).toEqual([inB.id]);
    expect(await seen(world.headB.actor)).toEqual([inB.id]);
  });

  it("the API lists a unit that is late today, filtered by district", async () => {
    const { unitId } = await leadUnitWithHead();
    const p = await newProblem({ leadUnitId: unitId, assignedAt: new Date(Date.now() - 60 * DAY_MS) });
    const items = async (query: string) => {
      const r = await call(lateRoute, "GET", `/reports/late${query}`, { token: world.coordinator.token });
      expect(r.status, r.text).toBe(200);
      return (r.body as { items: LateReporterDto[] }).items;
    };
    const all = await items("");
    expect(all.find((u) => u.unitId === unitId)?.problems.map((x) => x.id)).toEqual([p.id]);
    expect((await items(`?districtCode=${world.districtA.code}`)).some((u) => u.unitId === unitId)).toBe(true);
    expect((await items(`?districtCode=${world.districtB.code}`)).some((u) => u.unitId === unitId)).toBe(false);
  });
});
