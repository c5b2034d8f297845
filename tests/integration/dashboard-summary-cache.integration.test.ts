import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clockNow, setClockSource } from "@/lib/clock";
import { db } from "@/lib/db";
import { type DashboardSummary, getDashboardSummary } from "@/lib/server/dashboard/get-dashboard-summary";
import { clearLedgerCache, ledgerCacheStats, readLedgerVersion } from "@/lib/server/dashboard/ledger-cache";
import { clearSettingsCache } from "@/lib/server/settings/get-settings";
import { calendarDay, createProblem, createProgressReport } from "../factories";
import { heldWithinShanghaiDay } from "../support/midnight-guard";
import { createWorld, type World } from "../support/world";

// The summary's grouped figures are kept per query (scope, Shanghai day, settings) while the ledger
// version is unchanged. These tests read as a division head, whose scope holds only this file's
// problems, so every figure is exact: each write is made on a CACHED summary (the read before it
// is asserted to be a hit), and the next read must show it.

let world: World;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await createWorld();
  const a = { districtId: world.districtA.id, leadUnitId: world.divisionA.id };
  await createProblem(db, { ...a, status: "RECTIFYING", colour: "GREEN", deadline: calendarDay(30) });
  await createProblem(db, { ...a, status: "ASSIGNED", colour: "YELLOW", deadline: calendarDay(-3) });
});

beforeEach(() => clearLedgerCache());
afterEach(() => setClockSource(heldWithinShanghaiDay()));

const totals = async (): Promise<DashboardSummary["totals"]> => (await getDashboardSummary(world.headA.actor)).totals;

/** Reads twice: the second read must be served from the cache (nothing changed in between). */
async function cachedTotals(): Promise<DashboardSummary["totals"]> {
  const first = await totals();
  const before = ledgerCacheStats();
  const second = await totals();
  expect(ledgerCacheStats().hits, "the second read is a cache hit").toBe(before.hits + 1);
  expect(second).toEqual(first);
  return second;
}

/** The next read after a write: computed again, not served from the cache. */
async function totalsAfterWrite(): Promise<DashboardSummary["totals"]> {
  const before = ledgerCacheStats();
  const t = await totals();
  expect(ledgerCacheStats().misses, "a write makes the next read compute again").toBe(before.misses + 1);
  return t;
}

describe("dashboard summary cache (ledger version)", () => {
  it("serves a repeated read from the cache, and counts hits and misses apart", async () => {
    await totals();
    await totals();
    await totals();
    expect(ledgerCacheStats()).toMatchObject({ hits: 2, misses: 1 });
    expect(await readLedgerVersion()).not.toBeNull();
  });

  it("shows a new problem, a colour set in raw SQL (as the escalation job does), a status, a deadline and an extension on the next read", async () => {
    const base = await cachedTotals();
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      colour: "GREEN",
      deadline: calendarDay(10),
    });
    const added = await totalsAfterWrite();
    expect(added.total).toBe(base.total + 1);
    expect(added.green).toBe(base.green + 1);

    await cachedTotals();
    await db.$executeRaw`UPDATE "Problem" SET colour = 'RED' WHERE id = ${p.id}::uuid`;
    const red = await totalsAfterWrite();
    expect([red.red, red.green]).toEqual([added.red + 1, added.green - 1]);

    await cachedTotals();
    await db.problem.update({ where: { id: p.id }, data: { deadline: calendarDay(-5) } });
    const overdue = await totalsAfterWrite();
    expect([overdue.overdue, overdue.overdueDays]).toEqual([red.overdue + 1, red.overdueDays + 5]);

    await cachedTotals();
    await db.problem.update({ where: { id: p.id }, data: { extensionCount: { increment: 2 } } });
    expect((await totalsAfterWrite()).extensions).toBe(overdue.extensions + 2);

    await cachedTotals();
    await db.problem.update({ where: { id: p.id }, data: { status: "CLOSED", closedAt: clockNow() } });
    const closed = await totalsAfterWrite();
    expect([closed.closed, closed.overdue]).toEqual([overdue.closed + 1, overdue.overdue - 1]);

    await cachedTotals();
    await db.problem.delete({ where: { id: p.id } });
    expect((await totalsAfterWrite()).total).toBe(base.total);
  });

  it("shows a progress report (late reports) and a co-unit (the scope) on the next read", async () => {
    const assignedAt = new Date(clockNow().getTime() - 40 * DAY);
    const p = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      deadline: calendarDay(60),
      assignedAt,
      createdAt: assignedAt,
    });
    const late = await cachedTotals();
    await createProgressReport(db, { problemId: p.id, reporterId: world.headA.user.id });
    expect((await totalsAfterWrite()).lateReports).toBe(late.lateReports - 1);

    // A problem of the other division enters division A's scope when A becomes a co-unit.
    const other = await createProblem(db, { districtId: world.districtB.id, leadUnitId: world.divisionB.id });
    const before = await cachedTotals();
    await db.problemCoUnit.create({ data: { problemId: other.id, unitId: world.divisionA.id } });
    expect((await totalsAfterWrite()).total).toBe(before.total + 1);
    await cachedTotals();
    await db.problemCoUnit.deleteMany({ where: { problemId: other.id } });
    expect((await totalsAfterWrite()).total).toBe(before.total);
  });

  it("a write committed after a read began shows on the next read; a rolled-back write changes nothing", async () => {
    const base = await cachedTotals();
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, colour: "GREEN" });
    // The summary computed while the colour change is written but not yet committed sees the old colour.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Problem" SET colour = 'RED' WHERE id = ${p.id}::uuid`;
      const during = await totals();
      expect(during.red).toBe(base.red);
    });
    const after = await totalsAfterWrite();
    expect(after.red).toBe(base.red + 1);

    await cachedTotals();
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Problem" SET colour = 'BLUE' WHERE id = ${p.id}::uuid`;
        throw new Error("rolled back");
      })
      .catch(() => {});
    const hitsBefore = ledgerCacheStats().hits;
    expect((await totals()).red).toBe(after.red);
    expect(ledgerCacheStats().hits).toBe(hitsBefore + 1);
  });

  it("reads that arrive together after a write compute once", async () => {
    const base = await cachedTotals();
    await db.$executeRaw`UPDATE "Problem" SET "extensionCount" = "extensionCount" + 1 WHERE "leadUnitId" = ${world.divisionA.id}::uuid`;
    const before = ledgerCacheStats();
    const [a, b] = await Promise.all([totals(), totals()]);
    expect(a).toEqual(b);
    expect(a.extensions).toBe(base.extensions + base.total);
    const after = ledgerCacheStats();
    // One computation: the other read either waited for it (shared) or came after it (hit).
    expect(after.misses - before.misses).toBe(1);
    expect(after.shared - before.shared + (after.hits - before.hits)).toBe(1);
  });

  it("computes again on a new Shanghai day: a deadline of today is overdue tomorrow", async () => {
    await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      deadline: calendarDay(0),
    });
    const today = await cachedTotals();
    const tomorrow = clockNow().getTime() + DAY;
    setClockSource(() => tomorrow);
    const next = await totalsAfterWrite();
    expect(next.overdue).toBe(today.overdue + 1);
  });

  it("computes again when the report cycle setting changes", async () => {
    const assignedAt = new Date(clockNow().getTime() - 20 * DAY);
    await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      deadline: calendarDay(60),
      assignedAt,
      createdAt: assignedAt,
    });
    const before = await cachedTotals();
    try {
      await db.setting.upsert({
        where: { key: "reportCycleDays" },
        create: { key: "reportCycleDays", value: 30 },
        update: { value: 30 },
      });
      clearSettingsCache();
      expect((await totalsAfterWrite()).lateReports).toBeLessThan(before.lateReports);
    } finally {
      await db.setting.deleteMany({ where: { key: "reportCycleDays" } });
      clearSettingsCache();
    }
  });
});
