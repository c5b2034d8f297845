import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getProblem } from "@/app/api/v1/problems/[id]/route";
import { GET as listProblems } from "@/app/api/v1/problems/route";
import { setClockSource } from "@/lib/clock";
import { db } from "@/lib/db";
import { parseCalendarDate } from "@/lib/domain/calendar";
import { calendarDay, createProblem } from "../factories";
import { call } from "../support/api";
import { heldWithinShanghaiDay } from "../support/midnight-guard";
import { createWorld, type World } from "../support/world";

/**
 * The server's calendar days follow the app's clock (lib/clock.ts), which tests pin: across
 * midnight in Shanghai the overdue days of a problem change exactly at 00:00 +08:00, through the
 * REST routes that take no `now` of their own.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterEach(() => setClockSource(heldWithinShanghaiDay()));

const at = (iso: string) => () => Date.parse(iso);

describe("calendar days read the pinned clock", () => {
  it("overdue days step up at midnight in Shanghai, not at midnight UTC", async () => {
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      deadline: parseCalendarDate("2026-12-01") as Date,
    });
    const overdue = async () => {
      const one = await call(getProblem, "GET", `/problems/${p.id}`, { token: world.coordinator.token, params: { id: p.id } });
      expect(one.status, one.text).toBe(200);
      const list = await call(listProblems, "GET", `/problems?q=${encodeURIComponent(p.code)}`, {
        token: world.coordinator.token,
      });
      const row = (list.body as { items: { id: string; overdueDays: number }[] }).items.find((i) => i.id === p.id);
      const days = (one.body as { overdueDays: number }).overdueDays;
      expect(row?.overdueDays).toBe(days);
      return days;
    };
    setClockSource(at("2026-12-01T23:59:59+08:00"));
    expect(await overdue()).toBe(0);
    setClockSource(at("2026-12-02T00:00:00+08:00"));
    expect(await overdue()).toBe(1);
    // 2026-12-04 20:00 UTC is already the 5th in Shanghai.
    setClockSource(at("2026-12-04T20:00:00Z"));
    expect(await overdue()).toBe(4);
  });

  it("the factories' calendarDay reads the same clock as the server", () => {
    setClockSource(at("2026-12-04T23:30:00+08:00"));
    expect(calendarDay(0).toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(calendarDay(1).toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });
});
