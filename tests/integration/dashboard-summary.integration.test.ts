import { beforeAll, describe, expect, it } from "vitest";
import { GET as summaryRoute } from "@/app/api/v1/dashboard/summary/route";
import { db } from "@/lib/db";
import type { PerformanceRow } from "@/lib/server/dashboard/get-dashboard-summary";
import { calendarDay, createProblem, createUser } from "../factories";
import { call } from "../support/api";
import { createWorld, type World } from "../support/world";

let world: World;
let leaderId: string;

type Summary = {
  totals: PerformanceRow;
  byDistrict: PerformanceRow[];
  byLeadUnit: PerformanceRow[];
  byLeadOfficial: PerformanceRow[];
};

beforeAll(async () => {
  world = await createWorld();
  leaderId = (await createUser(db, { role: "LEADER", displayName: `统计领导${world.tag}` })).id;
  const a = { districtId: world.districtA.id, leadUnitId: world.divisionA.id, leadOfficialId: leaderId };
  await createProblem(db, { ...a, status: "RECTIFYING", colour: "RED", deadline: calendarDay(-10), extensionCount: 2 });
  await createProblem(db, { ...a, status: "RECTIFYING", colour: "YELLOW", deadline: calendarDay(-4) });
  await createProblem(db, { ...a, status: "RECTIFYING", colour: "GREEN", deadline: calendarDay(30) });
  const deadline = calendarDay(-20);
  await createProblem(db, {
    ...a,
    status: "CLOSED",
    colour: "BLUE",
    deadline,
    closedAt: new Date(deadline.getTime() - 86_400_000),
  });
  await createProblem(db, {
    ...a,
    status: "CLOSED",
    colour: "BLUE",
    deadline,
    closedAt: new Date(deadline.getTime() + 5 * 86_400_000),
  });
  await createProblem(db, {
    districtId: world.districtB.id,
    leadUnitId: world.divisionB.id,
    status: "ONGOING",
    colour: "GREEN",
    deadlineBand: "ONGOING",
    deadline: null,
  });
});

async function summaryAs(token: string): Promise<Summary> {
  const r = await call(summaryRoute, "GET", "/dashboard/summary", { token });
  expect(r.status).toBe(200);
  return r.body as Summary;
}

describe("dashboard summary", () => {
  it("counts a district's problems by colour and status, overdue days, on-time closure and extensions", async () => {
    const s = await summaryAs(world.leader.token);
    const a = s.byDistrict.find((d) => d.key === world.districtA.id);
    expect(a).toMatchObject({
      name: world.districtA.name,
      total: 5,
      open: 3,
      closed: 2,
      closedOnTime: 1,
      onTimeClosureRate: 0.5,
      overdue: 2,
      overdueDays: 14,
      red: 1,
      yellow: 1,
      green: 1,
      blue: 2,
      extensions: 2,
    });
    const official = s.byLeadOfficial.find((o) => o.key === leaderId);
    expect(official).toMatchObject({ name: `统计领导${world.tag}`, total: 5, red: 1 });
    const unitB = s.byLeadUnit.find((u) => u.key === world.divisionB.id);
    expect(unitB).toMatchObject({ total: 1, overdue: 0, onTimeClosureRate: null });
    expect(s.totals.total).toBeGreaterThanOrEqual(6);
    expect(s.totals.byStatus.ONGOING).toBeGreaterThanOrEqual(1);
  });

  it("keeps to the caller's scope: a division head counts only their division's problems", async () => {
    const s = await summaryAs(world.headB.token);
    expect(s.totals.total).toBe(1);
    expect(s.byDistrict.map((d) => d.key)).toEqual([world.districtB.id]);
  });

  it("a field officer counts their district's problems", async () => {
    const s = await summaryAs(world.officerA.token);
    expect(s.totals).toMatchObject({ total: 5, red: 1 });
  });

  it("needs a sign-in", async () => {
    expect((await call(summaryRoute, "GET", "/dashboard/summary")).status).toBe(401);
  });
});

describe("late reports in the summary", () => {
  it("counts an open problem whose lead unit has not reported for a whole cycle, in its district, unit and lead official", async () => {
    const w = await createWorld();
    const official = (await createUser(db, { role: "LEADER" })).id;
    await createProblem(db, {
      districtId: w.districtA.id,
      leadUnitId: w.divisionA.id,
      leadOfficialId: official,
      status: "RECTIFYING",
      assignedAt: new Date(Date.now() - 40 * 86_400_000),
      deadline: calendarDay(200),
    });
    await createProblem(db, {
      districtId: w.districtA.id,
      leadUnitId: w.divisionA.id,
      leadOfficialId: official,
      status: "RECTIFYING",
      assignedAt: new Date(),
      deadline: calendarDay(200),
    });
    const s = await summaryAs(w.leader.token);
    expect(s.byDistrict.find((d) => d.key === w.districtA.id)).toMatchObject({ total: 2, lateReports: 1 });
    expect(s.byLeadUnit.find((u) => u.key === w.divisionA.id)?.lateReports).toBe(1);
    expect(s.byLeadOfficial.find((o) => o.key === official)?.lateReports).toBe(1);
    expect(s.totals.lateReports).toBeGreaterThanOrEqual(1);
  });
});
