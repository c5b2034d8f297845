import type { DeadlineBand, MeasureStatus, PlanStatus, ProblemStatus } from "@prisma/client";
import type { Tx } from "../lib/db";
import { SETTINGS_DEFAULTS } from "../lib/domain/settings";
import type { WorkflowAction } from "../lib/domain/workflow";
import { measureSnapshot } from "../lib/server/plans/plan-dto";
import { refreshDerived } from "../lib/server/workflow/refresh-derived";

/**
 * The workflow history of the demo ledger: assignment, plan versions (some returned, some still
 * awaiting the lead official), acceptance, public notice, sign-off and look-back, each step by the
 * person the state machine names, in time order between registration and the last change. Pure
 * planning (`planDemoWorkflow`) is separate from loading (`seedDemoWorkflow`) so it can be tested.
 */

/** The part of a planned ledger row this needs (see `PlannedProblem` in ./seed). */
export type WorkflowSeedProblem = {
  code: string;
  status: ProblemStatus;
  deadlineBand: DeadlineBand;
  deadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  leadOfficial: string;
  leadUnit: string;
  target: string;
  relapse: boolean;
  measures: readonly { status: MeasureStatus }[];
};

export type PlannedStep = {
  action: WorkflowAction;
  from: ProblemStatus;
  to: ProblemStatus;
  /** Username of who took it. */
  actor: string;
  at: Date;
  comment: string | null;
};

export type PlannedPlan = {
  versionNo: number;
  target: string;
  status: PlanStatus;
  submittedBy: string;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
};

export type PlannedWorkflow = {
  code: string;
  /** The status the history ends in (see `workflowStatus`). */
  status: ProblemStatus;
  assignedAt: Date | null;
  returnCount: number;
  steps: PlannedStep[];
  plans: PlannedPlan[];
};

const COORDINATOR = "coordinator";

const PLAN_RETURN_REASONS = [
  "整改措施不够具体，请细化到时间节点和责任人",
  "整改目标未量化，请明确水质或排放限值",
  "未明确资金来源和保障措施，请补充",
  "请补充长效监管机制，防止问题反弹",
];
const ACCEPTANCE_FAILURES = ["现场核查发现仍有渗漏，验收不通过", "监测数据未稳定达标，请继续整改"];
const LOOKBACK_FINDINGS = "“回头看”现场检查发现问题反弹，重新整改";

/**
 * The ledger plans a few long-term (ONGOING band) problems as RECTIFYING; the state machine puts a
 * long-term problem whose plan is approved in ONGOING, so that is where their history ends.
 */
export function workflowStatus(p: Pick<WorkflowSeedProblem, "status" | "deadlineBand">): ProblemStatus {
  return p.status === "RECTIFYING" && p.deadlineBand === "ONGOING" ? "ONGOING" : p.status;
}

/** FNV-1a of the code and a salt: a stable choice per problem that does not disturb the ledger's own random sequence. */
function hash(code: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${code}:${salt}`) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

type Event =
  | { kind: "step"; action: WorkflowAction; to: ProblemStatus; actor: string; comment?: string }
  | { kind: "submit"; by: string };

/**
 * What happened to one problem, as a list of events: plan submissions and workflow steps. Returns
 * and a pending plan are chosen by a stable hash of the code; `returnedTwice` problems had their
 * plan returned twice (RED).
 */
function eventsOf(p: WorkflowSeedProblem, author: string, returnedTwice: boolean): Event[] {
  const lead = p.leadOfficial;
  const status = workflowStatus(p);
  const started: ProblemStatus = p.deadlineBand === "ONGOING" ? "ONGOING" : "RECTIFYING";
  const h = hash(p.code, "plan") % 100;
  const submit: Event = { kind: "submit", by: author };
  const returnPlan = (i: number): Event => ({
    kind: "step",
    action: "RETURN_PLAN",
    to: "ASSIGNED",
    actor: lead,
    comment: PLAN_RETURN_REASONS[(hash(p.code, "reason") + i) % PLAN_RETURN_REASONS.length],
  });
  const approve: Event = { kind: "step", action: "APPROVE_PLAN", to: started, actor: lead };
  const events: Event[] = [{ kind: "step", action: "ASSIGN", to: "ASSIGNED", actor: COORDINATOR }];

  if (status === "ASSIGNED") {
    // Awaiting the lead official (40 %), returned and resubmitted (20 %), returned and being reworked (15 %), not yet written.
    if (h < 40) events.push(submit);
    else if (h < 60) events.push(submit, returnPlan(0), submit);
    else if (h < 75) events.push(submit, returnPlan(0));
    return events;
  }

  const returns = returnedTwice ? 2 : h < 15 ? 1 : 0;
  for (let i = 0; i < returns; i++) events.push(submit, returnPlan(i));
  events.push(submit, approve);
  if (status === "RECTIFYING" || status === "ONGOING") {
    if (p.relapse) {
      events.push(
        { kind: "step", action: "APPLY_ACCEPTANCE", to: "PENDING_ACCEPTANCE", actor: author },
        { kind: "step", action: "PASS_ACCEPTANCE", to: "PUBLIC_NOTICE", actor: COORDINATOR },
        { kind: "step", action: "END_NOTICE", to: "PENDING_SIGNOFF", actor: COORDINATOR },
        { kind: "step", action: "SIGN_OFF", to: "CLOSED", actor: lead },
        { kind: "step", action: "LOOKBACK_REOPEN", to: "RECTIFYING", actor: COORDINATOR, comment: LOOKBACK_FINDINGS },
      );
    } else if (hash(p.code, "revision") % 100 < 12) {
      // A revised plan awaits the lead official while the work goes on.
      events.push(submit);
    }
    return events;
  }

  const failedOnce = status !== "CLOSED" && hash(p.code, "acceptance") % 4 === 1;
  events.push({ kind: "step", action: "APPLY_ACCEPTANCE", to: "PENDING_ACCEPTANCE", actor: author });
  if (failedOnce) {
    events.push(
      {
        kind: "step",
        action: "FAIL_ACCEPTANCE",
        to: "RECTIFYING",
        actor: COORDINATOR,
        comment: ACCEPTANCE_FAILURES[hash(p.code, "failure") % ACCEPTANCE_FAILURES.length],
      },
      { kind: "step", action: "APPLY_ACCEPTANCE", to: "PENDING_ACCEPTANCE", actor: author },
    );
  }
  if (status === "PENDING_ACCEPTANCE") return events;
  events.push({ kind: "step", action: "PASS_ACCEPTANCE", to: "PUBLIC_NOTICE", actor: COORDINATOR });
  if (status === "PUBLIC_NOTICE") return events;
  events.push({ kind: "step", action: "END_NOTICE", to: "PENDING_SIGNOFF", actor: COORDINATOR });
  if (status === "PENDING_SIGNOFF") return events;
  events.push({ kind: "step", action: "SIGN_OFF", to: "CLOSED", actor: lead });
  return events;
}

/** Pure: the workflow history of each problem of the planned demo ledger. */
export function planDemoWorkflow(
  ledger: readonly WorkflowSeedProblem[],
  divisionHeads: ReadonlyMap<string, string>,
): PlannedWorkflow[] {
  // Two rectifying problems on pace otherwise had their plan returned twice: RED without being overdue.
  const rectifying = ledger
    .filter((p) => p.status === "RECTIFYING" && p.deadlineBand !== "ONGOING" && !p.relapse)
    .sort((a, b) => (b.deadline?.getTime() ?? 0) - (a.deadline?.getTime() ?? 0));
  const returnedTwice = new Set(rectifying.slice(0, 2).map((p) => p.code));

  return ledger.map((p) => {
    if (p.status === "REGISTERED") {
      return { code: p.code, status: p.status, assignedAt: null, returnCount: 0, steps: [], plans: [] };
    }
    const author = divisionHeads.get(p.leadUnit) ?? COORDINATOR;
    const events = eventsOf(p, author, returnedTwice.has(p.code));
    // Spread the events over the time between registration and the last change; the last one is that change.
    const start = p.createdAt.getTime();
    const end = (p.closedAt ?? p.updatedAt).getTime();
    const at = (i: number) => new Date(Math.round(start + ((end - start) * (i + 1)) / events.length));

    const steps: PlannedStep[] = [];
    const plans: PlannedPlan[] = [];
    let status = "REGISTERED" as ProblemStatus;
    let returnCount = 0;
    for (const [i, e] of events.entries()) {
      if (e.kind === "submit") {
        plans.push({
          versionNo: plans.length + 1,
          target:
            plans.length === 0 && events.some((x) => x.kind === "step" && x.action === "RETURN_PLAN")
              ? `${p.target}（初稿）`
              : p.target,
          status: "SUBMITTED",
          submittedBy: e.by,
          submittedAt: at(i),
          decidedBy: null,
          decidedAt: null,
          reason: null,
        });
        continue;
      }
      // A plan decision keeps the state on a return, and on approving a revision.
      const to: ProblemStatus =
        e.action === "RETURN_PLAN" || (e.action === "APPROVE_PLAN" && status !== "ASSIGNED") ? status : e.to;
      steps.push({ action: e.action, from: status, to, actor: e.actor, at: at(i), comment: e.comment ?? null });
      if (e.action === "APPROVE_PLAN" || e.action === "RETURN_PLAN") {
        const plan = plans[plans.length - 1] as PlannedPlan;
        plan.status = e.action === "APPROVE_PLAN" ? "APPROVED" : "RETURNED";
        plan.decidedBy = e.actor;
        plan.decidedAt = at(i);
        plan.reason = e.comment ?? null;
      }
      if (e.action === "RETURN_PLAN" || e.action === "FAIL_ACCEPTANCE" || e.action === "RETURN_SIGNOFF") returnCount++;
      status = to;
    }
    return { code: p.code, status, assignedAt: steps[0]?.at ?? null, returnCount, steps, plans };
  });
}

/**
 * Loads the planned workflow into the freshly seeded ledger (inside the seed's transaction): plan
 * versions, transitions with their audit rows, assignment time, original deadline, returns and
 * the version count, then the derived progress and colour as of `today`.
 */
export async function seedDemoWorkflow(
  tx: Tx,
  ledger: readonly WorkflowSeedProblem[],
  refs: { userIds: ReadonlyMap<string, string>; divisionHeads: ReadonlyMap<string, string>; today: Date },
): Promise<{ plans: number; transitions: number }> {
  const userId = (username: string) => {
    const id = refs.userIds.get(username);
    if (!id) throw new Error(`seed: unknown user ${username}`);
    return id;
  };
  const rows = await tx.problem.findMany({
    select: {
      id: true,
      code: true,
      deadline: true,
      measures: { orderBy: { seq: "asc" }, include: { ownerUnit: { select: { name: true } } } },
    },
  });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const planned = planDemoWorkflow(ledger, refs.divisionHeads);
  let plans = 0;
  let transitions = 0;
  for (const w of planned) {
    const row = byCode.get(w.code);
    if (!row || w.steps.length === 0) continue;
    const snapshot = measureSnapshot(row.measures);
    await tx.rectificationPlan.createMany({
      data: w.plans.map((plan) => ({
        problemId: row.id,
        versionNo: plan.versionNo,
        target: plan.target,
        measures: snapshot,
        status: plan.status,
        submittedById: userId(plan.submittedBy),
        submittedAt: plan.submittedAt,
        decidedById: plan.decidedBy ? userId(plan.decidedBy) : null,
        decidedAt: plan.decidedAt,
        decisionReason: plan.reason,
        version: plan.status === "SUBMITTED" ? 1 : 2,
      })),
    });
    await tx.problemTransition.createMany({
      data: w.steps.map((s) => ({
        problemId: row.id,
        action: s.action,
        fromStatus: s.from,
        toStatus: s.to,
        actorId: userId(s.actor),
        comment: s.comment,
        at: s.at,
      })),
    });
    await tx.auditLog.createMany({
      data: w.steps.map((s) => ({
        actorId: userId(s.actor),
        entityType: "Problem",
        entityId: row.id,
        action: "transition",
        at: s.at,
        before: { status: s.from },
        after: { status: s.to, workflowAction: s.action, ...(s.comment ? { comment: s.comment } : {}) },
      })),
    });
    await tx.problem.update({
      where: { id: row.id },
      data: {
        status: w.status,
        assignedAt: w.assignedAt,
        originalDeadline: row.deadline,
        returnCount: w.returnCount,
        version: 1 + w.steps.length,
      },
    });
    plans += w.plans.length;
    transitions += w.steps.length;
  }
  for (const row of rows) await refreshDerived(tx, row.id, refs.today, SETTINGS_DEFAULTS);
  return { plans, transitions };
}
