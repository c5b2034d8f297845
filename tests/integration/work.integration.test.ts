import { beforeAll, describe, expect, it } from "vitest";
import { GET as getWork } from "@/app/api/v1/work/route";
import { db } from "@/lib/db";
import type { MyWork } from "@/lib/schemas/work";
import { getMyWork } from "@/lib/server/work/get-my-work";
import { calendarDay, createMeasure, createProblem, createUnit } from "../factories";
import { call, errorOf } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

/**
 * "My work" per role: each person sees what needs them, only within their scope, each item
 * linking to where it is handled. The world's units, districts and leader are this file's own,
 * so exact lists are asserted for them; the coordinator sees the whole database, so for them the
 * file's rows are looked up among the rest.
 */
let world: World;
let otherLeader: Person;
/** The test measures' descriptions → their keys in `ids`. */
const MEASURE_KEYS: Record<string, string> = {
  五天后到期的措施: "dueIn5",
  已逾期的措施: "late",
  一个月后的措施: "monthOff",
  已完成的措施: "done",
  分局负责的措施: "agency",
};
const ids: Record<string, string> = {};

async function work(person: Person): Promise<MyWork> {
  const r = await call(getWork, "GET", "/work", { token: person.token, headers: { "accept-language": "zh-CN" } });
  expect(r.status, r.text).toBe(200);
  return r.body as MyWork;
}

const problemIds = (section: { items: { problem: { id: string } }[] } | undefined) =>
  section?.items.map((i) => i.problem.id) ?? [];

async function plan(problemId: string, status: "SUBMITTED" | "APPROVED" | "RETURNED", versionNo = 1, by = world.headA) {
  return db.rectificationPlan.create({
    data: { problemId, versionNo, target: "整改目标", measures: [], status, submittedById: by.user.id },
  });
}

beforeAll(async () => {
  world = await createWorld();
  otherLeader = await createPerson("LEADER");
  const a = { districtId: world.districtA.id, leadUnitId: world.divisionA.id };
  const assignedAt = new Date(Date.now() - 60 * 86_400_000);

  // The leader's problems: one with a plan in review and an extension request, one red, one yellow, one green, one closed red-looking.
  const led = await createProblem(db, { ...a, status: "ASSIGNED", leadOfficialId: world.leader.user.id, colour: "GREEN" });
  ids.led = led.id;
  ids.submittedPlan = (await plan(led.id, "SUBMITTED", 2)).id;
  await plan(led.id, "RETURNED", 1);
  ids.extension = (
    await db.extension.create({
      data: {
        problemId: led.id,
        oldDeadline: calendarDay(10),
        newDeadline: calendarDay(70),
        reason: "汛期无法施工",
        requestedById: world.headA.user.id,
      },
    })
  ).id;
  ids.red = (
    await createProblem(db, {
      ...a,
      status: "RECTIFYING",
      leadOfficialId: world.leader.user.id,
      colour: "RED",
      deadline: calendarDay(-3),
    })
  ).id;
  ids.yellow = (
    await createProblem(db, {
      ...a,
      status: "RECTIFYING",
      leadOfficialId: world.leader.user.id,
      colour: "YELLOW",
      deadline: calendarDay(5),
    })
  ).id;
  ids.green = (await createProblem(db, { ...a, status: "RECTIFYING", leadOfficialId: world.leader.user.id, colour: "GREEN" })).id;
  ids.closed = (await createProblem(db, { ...a, status: "CLOSED", leadOfficialId: world.leader.user.id, colour: "RED" })).id;

  // Another leader's problem with a plan in review: not the world leader's business.
  const others = await createProblem(db, { ...a, status: "ASSIGNED", leadOfficialId: otherLeader.user.id });
  ids.othersPlan = (await plan(others.id, "SUBMITTED")).id;
  ids.othersExtension = (
    await db.extension.create({
      data: {
        problemId: others.id,
        oldDeadline: calendarDay(10),
        newDeadline: calendarDay(40),
        reason: "资金未到位",
        requestedById: world.headA.user.id,
      },
    })
  ).id;
  // A decided extension is not waiting for anyone.
  await db.extension.create({
    data: {
      problemId: led.id,
      oldDeadline: calendarDay(-20),
      newDeadline: calendarDay(10),
      reason: "已批准的延期",
      status: "APPROVED",
      requestedById: world.headA.user.id,
      decidedById: world.leader.user.id,
      decidedAt: new Date(),
    },
  });

  // Division A's assigned problems: without a plan, with only a returned plan, with one in review, with one approved.
  ids.noPlan = (await createProblem(db, { ...a, status: "ASSIGNED" })).id;
  const returned = await createProblem(db, { ...a, status: "ASSIGNED" });
  await plan(returned.id, "RETURNED");
  ids.returnedPlan = returned.id;
  const approved = await createProblem(db, { ...a, status: "ASSIGNED" });
  await plan(approved.id, "APPROVED");
  ids.approvedPlan = approved.id;
  ids.division_b_assigned = (
    await createProblem(db, { districtId: world.districtB.id, leadUnitId: world.divisionB.id, status: "ASSIGNED" })
  ).id;

  // Measures: division A's due soon, overdue, far off, done; agency A's on a co-operated problem; division B's.
  const working = await createProblem(db, {
    ...a,
    status: "RECTIFYING",
    assignedAt,
    coUnitIds: [world.agencyA.id],
    measures: [
      { description: "五天后到期的措施", milestone: calendarDay(5), percent: 40 },
      { description: "已逾期的措施", milestone: calendarDay(-4), percent: 10 },
      { description: "一个月后的措施", milestone: calendarDay(30) },
      { description: "已完成的措施", milestone: calendarDay(2), percent: 100 },
      { description: "分局负责的措施", milestone: calendarDay(14), ownerUnitId: world.agencyA.id },
    ],
  });
  ids.working = working.id;
  for (const m of working.measures) ids[MEASURE_KEYS[m.description] as string] = m.id;
  const bProblem = await createProblem(db, {
    districtId: world.districtB.id,
    leadUnitId: world.divisionB.id,
    status: "RECTIFYING",
    assignedAt,
    measures: [{ description: "大气处的措施", milestone: calendarDay(3) }],
  });
  ids.bProblem = bProblem.id;
  ids.bMeasure = bProblem.measures[0]?.id as string;
  // A closed problem's open measure is no longer anyone's work.
  const closedWithMeasure = await createProblem(db, { ...a, status: "CLOSED" });
  ids.closedMeasure = (await createMeasure(db, { problemId: closedWithMeasure.id, milestone: calendarDay(1) })).id;

  // Coordinator: a registered problem and one waiting for acceptance, both waiting longer than any
  // other row's (each run goes further back), so they head their oldest-first sections whatever
  // else the database holds.
  const longAgo = new Date(Date.UTC(2001, 0, 1) - Date.now());
  ids.registered = (await createProblem(db, { ...a, status: "REGISTERED", createdAt: longAgo, updatedAt: longAgo })).id;
  ids.pendingAcceptance = (
    await createProblem(db, { ...a, status: "PENDING_ACCEPTANCE", createdAt: longAgo, updatedAt: longAgo })
  ).id;
});

describe("GET /api/v1/work", () => {
  it("refuses the signed-out and an unknown token", async () => {
    const r = await call(getWork, "GET", "/work");
    expect(r.status).toBe(401);
    expect(errorOf(r).code).toBe("UNAUTHORIZED");
    const forged = await call(getWork, "GET", "/work", { token: "not-a-real-token-0000000000000000000000000" });
    expect(forged.status).toBe(401);
  });

  it("takes no parameters: the work is the caller's, whatever the query string says", async () => {
    const r = await call(getWork, "GET", `/work?leadOfficialId=${otherLeader.user.id}&role=COORDINATOR`, {
      token: world.leader.token,
    });
    expect(r.status).toBe(200);
    const w = r.body as MyWork;
    expect(w.role).toBe("LEADER");
    expect(w.plansToApprove?.items.map((i) => i.planId)).toEqual([ids.submittedPlan]);
  });

  it("a leader sees the plans and extensions waiting for them as lead official, and their red and yellow problems", async () => {
    const w = await work(world.leader);
    expect(w.role).toBe("LEADER");
    expect(Object.keys(w).sort()).toEqual(["atRisk", "extensionsToDecide", "plansToApprove", "role", "today"]);

    expect(w.plansToApprove?.total).toBe(1);
    expect(w.plansToApprove?.items).toEqual([
      expect.objectContaining({
        planId: ids.submittedPlan,
        versionNo: 2,
        submittedByName: world.headA.user.displayName,
        link: `/problems/${ids.led}#s-plan`,
        problem: expect.objectContaining({ id: ids.led, status: "ASSIGNED", leadOfficialName: world.leader.user.displayName }),
      }),
    ]);

    expect(w.extensionsToDecide?.total).toBe(1);
    expect(w.extensionsToDecide?.items[0]).toMatchObject({
      extensionId: ids.extension,
      oldDeadline: calendarDay(10).toISOString().slice(0, 10),
      newDeadline: calendarDay(70).toISOString().slice(0, 10),
      reason: "汛期无法施工",
      link: `/problems/${ids.led}#s-extensions`,
    });

    // Red before yellow; green and closed problems are not at risk.
    expect(problemIds(w.atRisk)).toEqual([ids.red, ids.yellow]);
    expect(w.atRisk?.items[0]?.problem).toMatchObject({ colour: "RED", overdueDays: 3 });
  });

  it("another leader sees only what is theirs", async () => {
    const w = await work(otherLeader);
    expect(w.plansToApprove?.items.map((i) => i.planId)).toEqual([ids.othersPlan]);
    expect(w.extensionsToDecide?.items.map((i) => i.extensionId)).toEqual([ids.othersExtension]);
    expect(w.atRisk?.total).toBe(0);
  });

  it("a division head sees plans to write, the unit's measures due within 14 days or late, and the division's red and yellow problems", async () => {
    const w = await work(world.headA);
    expect(Object.keys(w).sort()).toEqual(["atRisk", "measuresDue", "plansToWrite", "reportsMissing", "role", "today"]);
    expect(new Set(problemIds(w.plansToWrite))).toEqual(new Set([ids.noPlan, ids.returnedPlan]));
    expect(w.plansToWrite?.items[0]?.link).toMatch(/#s-plan$/);

    // Latest milestone last; the agency's measure counts because the division leads the problem.
    expect(w.measuresDue?.items.map((i) => i.measureId)).toEqual([ids.late, ids.dueIn5, ids.agency]);
    expect(w.measuresDue?.items[0]).toMatchObject({
      daysLeft: -4,
      percent: 10,
      status: "IN_PROGRESS",
      link: `/problems/${ids.working}#s-measures`,
    });
    expect(w.measuresDue?.items[1]).toMatchObject({ daysLeft: 5, seq: 1, description: "五天后到期的措施" });
    expect(w.measuresDue?.items[2]?.ownerUnitName).toBe(world.agencyA.name);

    expect(new Set(problemIds(w.atRisk))).toEqual(new Set([ids.red, ids.yellow]));
  });

  it("a division head of another division sees none of division A's work", async () => {
    const w = await work(world.headB);
    expect(problemIds(w.plansToWrite)).toEqual([ids.division_b_assigned]);
    expect(w.measuresDue?.items.map((i) => i.measureId)).toEqual([ids.bMeasure]);
    expect(w.atRisk?.total).toBe(0);
    expect(problemIds(w.reportsMissing)).not.toContain(ids.working);
  });

  it("a field officer sees the measures their unit owns, not the rest of the problem's", async () => {
    const w = await work(world.officerA);
    expect(Object.keys(w).sort()).toEqual(["measuresDue", "reportsMissing", "role", "today"]);
    expect(w.measuresDue?.items.map((i) => i.measureId)).toEqual([ids.agency]);
    expect((await work(world.officerB)).measuresDue?.total).toBe(0);
  });

  it("missing progress reports: the lead unit's own, and the inspection office sees every unit's", async () => {
    const head = await work(world.headA);
    const mine = head.reportsMissing?.items.find((i) => i.problem.id === ids.working);
    expect(mine).toMatchObject({ unitId: world.divisionA.id, lastReportAt: null, link: `/problems/${ids.working}#s-reports` });
    expect(mine?.daysLate).toBeGreaterThan(0);
    expect(head.reportsMissing?.items.every((i) => i.unitId === world.divisionA.id)).toBe(true);

    // A report from the lead unit today takes the problem off the list.
    const coordinator = await work(world.coordinator);
    const units = new Set(coordinator.reportsMissing?.items.map((i) => i.unitId));
    expect(units.has(world.divisionA.id)).toBe(true);
    expect(units.has(world.divisionB.id)).toBe(true);
    await db.progressReport.create({
      data: {
        problemId: ids.working as string,
        reporterId: world.headA.user.id,
        unitId: world.divisionA.id,
        text: "按计划推进",
        percent: 30,
      },
    });
    expect(problemIds((await work(world.headA)).reportsMissing)).not.toContain(ids.working);
  });

  it("the inspection office sees problems to assign and problems waiting for acceptance", async () => {
    const w = await work(world.coordinator);
    expect(Object.keys(w).sort()).toEqual(["pendingAcceptance", "reportsMissing", "role", "toAssign", "today"]);
    expect(w.toAssign?.items[0]).toEqual({
      problem: expect.objectContaining({ id: ids.registered, status: "REGISTERED" }),
      link: `/problems/${ids.registered}#s-workflow`,
    });
    expect(w.pendingAcceptance?.items[0]?.problem.id).toBe(ids.pendingAcceptance);
    expect(w.toAssign?.items.every((i) => i.problem.status === "REGISTERED")).toBe(true);
    expect(w.pendingAcceptance?.items.every((i) => i.problem.status === "PENDING_ACCEPTANCE")).toBe(true);
    expect(w.toAssign?.total).toBe(await db.problem.count({ where: { status: "REGISTERED" } }));
    expect(w.pendingAcceptance?.total).toBe(await db.problem.count({ where: { status: "PENDING_ACCEPTANCE" } }));
  });

  it("an administrator and a read-only viewer have nothing to do here", async () => {
    for (const person of [world.admin, world.viewer]) {
      const w = await work(person);
      expect(Object.keys(w).sort()).toEqual(["role", "today"]);
    }
  });

  it("answers in English names when asked in English", async () => {
    const r = await call(getWork, "GET", "/work", { token: world.headA.token, headers: { "accept-language": "en" } });
    const w = r.body as MyWork;
    expect(w.measuresDue?.items[0]?.problem.leadUnitName).toBe(world.divisionA.nameEn);
  });
});

describe("getMyWork", () => {
  it("counts days against the given clock: a measure 5 days off is 15 days late 20 days later", async () => {
    const later = new Date(Date.now() + 20 * 86_400_000);
    const w = await getMyWork(world.headA.actor, { now: later });
    const item = w.measuresDue?.items.find((i) => i.measureId === ids.dueIn5);
    expect(item?.daysLeft).toBe(-15);
    // The measure a month off is now within 14 days.
    expect(w.measuresDue?.items.map((i) => i.measureId)).toContain(ids.monthOff);
  });

  it("lists at most 50 items of a section and says how many there are", async () => {
    const leader = await createPerson("LEADER");
    const unit = await createUnit(db, { kind: "DIVISION" });
    for (let i = 0; i < 53; i++) {
      await createProblem(db, {
        districtId: world.districtA.id,
        leadUnitId: unit.id,
        status: "RECTIFYING",
        leadOfficialId: leader.user.id,
        colour: i % 2 ? "RED" : "YELLOW",
      });
    }
    const w = await getMyWork(leader.actor);
    expect(w.atRisk?.total).toBe(53);
    expect(w.atRisk?.items).toHaveLength(50);
    const colours = w.atRisk?.items.map((i) => i.problem.colour) ?? [];
    expect(colours.slice(0, 26).every((c) => c === "RED")).toBe(true);
    expect(colours.slice(26).every((c) => c === "YELLOW")).toBe(true);
  });
});
