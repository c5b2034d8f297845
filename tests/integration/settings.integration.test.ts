import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettingsRoute, PATCH as patchSettingsRoute } from "@/app/api/v1/settings/route";
import { db } from "@/lib/db";
import { SETTINGS_DEFAULTS } from "@/lib/domain/settings";
import { getSettings } from "@/lib/server/settings/get-settings";
import { refreshDerived } from "@/lib/server/workflow/refresh-derived";
import { calendarDay, createProblem } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { createWorld, type World } from "../support/world";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

// Settings are global: every test leaves the defaults in force for the files that follow.
afterEach(async () => {
  await db.setting.deleteMany({});
});

function patch(json: unknown, token = world.admin.token) {
  return call(patchSettingsRoute, "PATCH", "/settings", { token, json });
}

describe("rule settings", () => {
  it("answer the defaults until changed", async () => {
    const r = await call(getSettingsRoute, "GET", "/settings", { token: world.viewer.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(SETTINGS_DEFAULTS);
  });

  it("an administrator changes some; the rest keep their values; one audit row records it", async () => {
    const r = await patch({ dueSoonDays: 30, paceMarginPct: 5 });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ ...SETTINGS_DEFAULTS, dueSoonDays: 30, paceMarginPct: 5 });
    expect(await getSettings()).toEqual(r.body);
    const row = await db.setting.findUniqueOrThrow({ where: { key: "dueSoonDays" } });
    expect(row).toMatchObject({ value: 30, updatedById: world.admin.user.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Setting" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      actorId: world.admin.user.id,
      action: "update",
      before: { dueSoonDays: 15, paceMarginPct: 10 },
      after: { dueSoonDays: 30, paceMarginPct: 5 },
    });
    const again = await patch({ dueSoonDays: 20 });
    expect(again.body).toEqual({ ...SETTINGS_DEFAULTS, dueSoonDays: 20, paceMarginPct: 5 });
  });

  it("no one else may change them (403) and nothing is stored", async () => {
    for (const who of [world.leader, world.coordinator, world.headA, world.officerA, world.viewer]) {
      expect((await patch({ dueSoonDays: 30 }, who.token)).status).toBe(403);
    }
    expect(await db.setting.count()).toBe(0);
  });

  it.each([
    ["an unknown key", { colourOfTheDay: 3 }, "colourOfTheDay"],
    ["nothing", {}, "_"],
    ["a negative number", { dueSoonDays: -1 }, "dueSoonDays"],
    ["a fraction", { reportCycleDays: 2.5 }, "reportCycleDays"],
    ["a cycle of zero days", { reportCycleDays: 0 }, "reportCycleDays"],
    ["a margin over 100", { paceMarginPct: 101 }, "paceMarginPct"],
    ["text", { redOverdueDays: "15" }, "redOverdueDays"],
    ["null", { reminderDaysBefore: null }, "reminderDaysBefore"],
  ])("malformed: %s → 422 on the field, nothing stored", async (_name, json, field) => {
    const r = await patch(json);
    expect(r.status, r.text).toBe(422);
    expect(errorOf(r).fields?.[field]).toBeDefined();
    expect(leaksInternals(r.text)).toBe(false);
    expect(await db.setting.count()).toBe(0);
  });

  it("a body that is not JSON → 400", async () => {
    const r = await call(patchSettingsRoute, "PATCH", "/settings", { token: world.admin.token, raw: "dueSoonDays=3" });
    expect(r.status).toBe(400);
  });

  it("the colour grade follows the settings", async () => {
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      assignedAt: calendarDay(-200),
      deadline: calendarDay(20),
      measures: [{ percent: 90 }],
    });
    expect((await db.$transaction((tx) => refreshDerived(tx, p.id))).colour).toBe("GREEN");
    await patch({ dueSoonDays: 30 });
    expect(await db.$transaction((tx) => refreshDerived(tx, p.id))).toMatchObject({ colour: "YELLOW", reasons: ["dueSoon"] });
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).colour).toBe("YELLOW");
  });
});

describe("refreshDerived", () => {
  it("stores the weighted progress and the colour, without touching the version", async () => {
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      assignedAt: calendarDay(-100),
      deadline: calendarDay(100),
      progress: 0,
      colour: "GREEN",
      measures: [
        { percent: 100, weight: 3 },
        { percent: 0, weight: 1 },
      ],
    });
    const result = await db.$transaction((tx) => refreshDerived(tx, p.id));
    expect(result).toEqual({ colour: "GREEN", plannedPercent: 50, reasons: [], progress: 75 });
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      progress: 75,
      colour: "GREEN",
      version: 1,
    });
  });

  it("grades an overdue problem RED and a closed one BLUE", async () => {
    const overdue = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      deadline: calendarDay(-1),
    });
    expect((await db.$transaction((tx) => refreshDerived(tx, overdue.id))).colour).toBe("RED");
    const closed = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "CLOSED",
      deadline: calendarDay(-1),
    });
    expect((await db.$transaction((tx) => refreshDerived(tx, closed.id))).colour).toBe("BLUE");
    expect((await db.problem.findUniqueOrThrow({ where: { id: closed.id } })).colour).toBe("BLUE");
  });
});
