import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bureauToday } from "@/lib/domain/calendar";
import { evaluatePenaltiesIfChanged } from "@/lib/server/penalties/evaluate-penalties";
import { penaltyInputsFingerprint } from "@/lib/server/penalties/evaluation-fingerprint";
import { getPenaltyPanel } from "@/lib/server/penalties/get-penalty-panel";
import { calendarDay, createDistrict, createProblem } from "../factories";
import { createWorld, type World } from "../support/world";

/**
 * The dashboard's penalty panel evaluates a month only when the inputs changed since the last
 * evaluation: a second visit with nothing changed evaluates nothing, and a change that alters the
 * result — a new overdue problem, a problem closed behind the app's back (a direct UPDATE), a
 * setting — is evaluated on the next visit, never served stale.
 */
let world: World;
let districtId: string;
let districtCode: string;
const today = bureauToday(new Date());
const YEAR = today.getUTCFullYear();
const MONTH = today.getUTCMonth() + 1;

const ownRows = async () =>
  (await getPenaltyPanel(world.leader.actor, YEAR, MONTH)).rows.filter(
    (r) => r.districtCode === districtCode && r.trigger === "PROBLEM",
  );

beforeAll(async () => {
  world = await createWorld();
  const district = await createDistrict(db);
  districtId = district.id;
  districtCode = district.code;
  await createProblem(db, { districtId, status: "RECTIFYING", deadline: calendarDay(-400) });
});

describe("penalty evaluation kept until its inputs change", () => {
  it("evaluates on the first visit and not again while nothing changed", async () => {
    expect(await ownRows()).toHaveLength(1);
    const state = await db.penaltyEvaluationState.findUniqueOrThrow({ where: { year_month: { year: YEAR, month: MONTH } } });
    expect(state.fingerprint).toBe(await penaltyInputsFingerprint(YEAR, MONTH));
    expect(await evaluatePenaltiesIfChanged(YEAR, MONTH)).toBeNull();
    expect(await ownRows()).toHaveLength(1);
  });

  it("a new overdue problem is proposed on the next visit", async () => {
    const before = await penaltyInputsFingerprint(YEAR, MONTH);
    await createProblem(db, { districtId, status: "RECTIFYING", deadline: calendarDay(-400) });
    expect(await penaltyInputsFingerprint(YEAR, MONTH)).not.toBe(before);
    expect(await ownRows()).toHaveLength(2);
  });

  it("a problem closed by a direct UPDATE withdraws its proposal on the next visit", async () => {
    const [open] = await db.problem.findMany({ where: { districtId }, orderBy: { code: "asc" }, take: 1 });
    await db.$executeRaw`UPDATE "Problem" SET status = 'CLOSED', "closedAt" = now() WHERE id = ${open?.id}::uuid`;
    expect(await ownRows()).toHaveLength(1);
  });

  it("a setting that changes the result is seen at once", async () => {
    // Overdue by more than 500 days: the remaining problem (400 days) no longer counts.
    await db.setting.upsert({
      where: { key: "penaltyOverdueDays" },
      create: { key: "penaltyOverdueDays", value: 500 },
      update: { value: 500 },
    });
    try {
      expect(await ownRows()).toHaveLength(0);
    } finally {
      await db.setting.delete({ where: { key: "penaltyOverdueDays" } });
    }
    expect(await ownRows()).toHaveLength(1);
  });
});
