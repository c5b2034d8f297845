import { describe, expect, it } from "vitest";
import { bureauToday } from "@/lib/domain/calendar";
import { type ColourName, colourGrade } from "@/lib/domain/colour";
import { weightedProgress } from "@/lib/domain/progress";
import { SETTINGS_DEFAULTS } from "@/lib/domain/settings";
import { decide } from "@/lib/domain/workflow";
import { planDemoLedger, USERS } from "@/prisma/seed";
import { planDemoWorkflow } from "@/prisma/seed-workflow";

const now = new Date("2026-11-28T04:00:00Z");
const today = bureauToday(now);
const ledger = planDemoLedger(now);
const heads = new Map(USERS.filter((u) => u.role === "DIVISION_HEAD").map((u) => [u.unit, u.username]));
const workflow = planDemoWorkflow(ledger, heads);
const byUsername = new Map(USERS.map((u) => [u.username, u]));
const pairs = ledger.map((p, i) => ({ p, w: workflow[i] as (typeof workflow)[number] }));

describe("the demo ledger's workflow history", () => {
  it("has one history per problem, and none for problems not yet assigned", () => {
    expect(workflow.map((w) => w.code)).toEqual(ledger.map((p) => p.code));
    for (const { p, w } of pairs) {
      expect(w.steps.length === 0, p.code).toBe(p.status === "REGISTERED");
    }
  });

  it("every step is one the state machine allows to that person, chained from REGISTERED to the problem's status", () => {
    for (const { p, w } of pairs) {
      if (p.status === "REGISTERED") continue;
      let status = "REGISTERED";
      for (const s of w.steps) {
        expect(s.from, `${p.code} ${s.action}`).toBe(status);
        const user = byUsername.get(s.actor);
        if (!user) throw new Error(`unknown actor ${s.actor}`);
        const problem = { status: s.from, deadlineBand: p.deadlineBand, leadOfficialId: p.leadOfficial, leadUnitId: p.leadUnit };
        // Usernames stand for ids and unit codes for unit ids: the relation checks compare like with like.
        const actor = { id: user.username, role: user.role, unitId: user.unit };
        const d = decide(problem, s.action, actor, {
          measures: [{ status: "DONE" }],
          pendingPlan: true,
          checklist: { complete: true, accepted: true },
          comment: s.comment,
        });
        expect(d, `${p.code} ${s.action} by ${s.actor}`).toMatchObject({ ok: true, to: s.to });
        status = s.to;
      }
      expect(status, p.code).toBe(w.status);
      expect(w.status).toBe(p.status === "RECTIFYING" && p.deadlineBand === "ONGOING" ? "ONGOING" : p.status);
    }
  });

  it("steps happen in order between registration and the last change; assignment starts the pace", () => {
    for (const { p, w } of pairs) {
      const times = w.steps.map((s) => s.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const t of times) {
        expect(t).toBeGreaterThan(p.createdAt.getTime());
        expect(t).toBeLessThanOrEqual((p.closedAt ?? p.updatedAt).getTime());
      }
      expect(w.assignedAt).toEqual(w.steps[0]?.at ?? null);
      if (p.status === "CLOSED") expect(w.steps.at(-1)?.at).toEqual(p.closedAt);
    }
  });

  it("plans are numbered 1..n; only the last may await a decision; decisions match the steps", () => {
    for (const { p, w } of pairs) {
      expect(w.plans.map((x) => x.versionNo)).toEqual(w.plans.map((_, i) => i + 1));
      expect(
        w.plans.slice(0, -1).every((x) => x.status !== "SUBMITTED"),
        p.code,
      ).toBe(true);
      expect(w.plans.filter((x) => x.status === "APPROVED")).toHaveLength(
        w.steps.filter((s) => s.action === "APPROVE_PLAN").length,
      );
      expect(w.plans.filter((x) => x.status === "RETURNED")).toHaveLength(
        w.steps.filter((s) => s.action === "RETURN_PLAN").length,
      );
      for (const plan of w.plans.filter((x) => x.status === "RETURNED")) expect(plan.reason).toBeTruthy();
      if (!["REGISTERED", "ASSIGNED"].includes(p.status))
        expect(
          w.plans.some((x) => x.status === "APPROVED"),
          p.code,
        ).toBe(true);
    }
  });

  it("returns are counted; a few problems were returned twice", () => {
    for (const { w } of pairs) {
      const sentBack = w.steps.filter((s) => ["RETURN_PLAN", "FAIL_ACCEPTANCE", "RETURN_SIGNOFF"].includes(s.action)).length;
      expect(w.returnCount).toBe(sentBack);
    }
    expect(workflow.filter((w) => w.returnCount >= 2).length).toBeGreaterThanOrEqual(2);
  });

  it("leaders have plans awaiting their decision, and relapsed problems show the look-back", () => {
    const pending = pairs.filter(({ w }) => w.plans.at(-1)?.status === "SUBMITTED");
    expect(pending.filter(({ p }) => p.leadOfficial === "leader").length).toBeGreaterThan(0);
    expect(new Set(pending.map(({ p }) => p.leadOfficial)).size).toBeGreaterThanOrEqual(2);
    for (const { p, w } of pairs.filter(({ p }) => p.relapse)) {
      expect(w.steps.at(-1)?.action, p.code).toBe("LOOKBACK_REOPEN");
    }
  });

  it("the ledger shows every colour", () => {
    const colours = pairs.map(({ p, w }) => {
      const progress = weightedProgress(p.measures.map((m) => ({ percent: m.percent, weight: 1 })));
      return colourGrade(
        {
          status: w.status,
          deadline: p.deadline,
          startDate: w.assignedAt,
          progress,
          returnCount: w.returnCount,
          openMeasures: p.measures.filter((m) => m.status !== "DONE").length,
        },
        today,
        SETTINGS_DEFAULTS,
      ).colour;
    });
    const count = (c: ColourName) => colours.filter((x) => x === c).length;
    for (const c of ["BLUE", "GREEN", "YELLOW", "RED"] as const) expect(count(c), c).toBeGreaterThanOrEqual(5);
  });
});
