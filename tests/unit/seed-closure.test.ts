import { describe, expect, it } from "vitest";
import { bureauToday } from "@/lib/domain/calendar";
import { planDemoLedger, USERS } from "@/prisma/seed";
import { planDemoClosure } from "@/prisma/seed-closure";
import { planDemoWorkflow } from "@/prisma/seed-workflow";

const now = new Date("2026-11-28T04:00:00Z");
const today = bureauToday(now);
const ledger = planDemoLedger(now);
const workflow = planDemoWorkflow(
  ledger,
  new Map(USERS.filter((u) => u.role === "DIVISION_HEAD").map((u) => [u.unit, u.username])),
);
const problems = ledger.map((p, i) => ({
  id: p.code,
  code: p.code,
  status: workflow[i]?.status ?? p.status,
  title: p.title,
  acceptanceUnitId: null,
  measureCount: p.measures.length,
  steps: (workflow[i]?.steps ?? []).map((s) => ({ action: s.action, actorId: s.actor, comment: s.comment, at: s.at })),
}));
const planned = new Map(planDemoClosure(problems, today).map((r) => [r.code, r]));
const withStatus = (status: string) => problems.filter((p) => p.status === status);

describe("the demo closure records", () => {
  it("every problem in notice has a passed acceptance and an open notice whose period covers today", () => {
    const inNotice = withStatus("PUBLIC_NOTICE");
    expect(inNotice.length).toBeGreaterThanOrEqual(3);
    for (const p of inNotice) {
      const last = planned.get(p.code)?.acceptances.at(-1);
      expect(last?.result, p.code).toBe("PASSED");
      expect(last?.notice?.status, p.code).toBe("OPEN");
      expect(last?.notice?.startsOn.getTime()).toBeLessThanOrEqual(today.getTime());
      expect(last?.notice?.endsOn.getTime()).toBeGreaterThanOrEqual(today.getTime());
    }
    // Exactly one has reached the end of its period today (the coordinator may end it), and it has no objection.
    const due = inNotice.filter((p) => planned.get(p.code)?.acceptances.at(-1)?.notice?.endsOn.getTime() === today.getTime());
    expect(due).toHaveLength(1);
  });

  it("problems awaiting sign-off have an ended notice; closed ones a closure; relapsed ones a reopened closure", () => {
    for (const p of withStatus("PENDING_SIGNOFF")) {
      const notice = planned.get(p.code)?.acceptances.at(-1)?.notice;
      expect(notice?.status, p.code).toBe("ENDED");
      expect(notice && notice.endsOn > notice.startsOn).toBe(true);
      expect(planned.get(p.code)?.closures).toEqual([]);
    }
    for (const p of withStatus("CLOSED")) {
      expect(planned.get(p.code)?.closures, p.code).toHaveLength(1);
      expect(planned.get(p.code)?.closures[0]?.reopen).toBeNull();
    }
    const relapsed = ledger.filter((p) => p.relapse).map((p) => p.code);
    expect(relapsed.length).toBeGreaterThan(0);
    for (const code of relapsed) {
      expect(planned.get(code)?.closures[0]?.reopen?.reason, code).toBeTruthy();
    }
  });

  it("a failed acceptance carries the reason the workflow step gave", () => {
    const failed = [...planned.values()].flatMap((r) => r.acceptances.filter((a) => a.result === "FAILED"));
    expect(failed.length).toBeGreaterThan(0);
    for (const a of failed) expect(a.opinion).toMatch(/验收不通过|继续整改/);
  });
});
