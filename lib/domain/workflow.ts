import type { DeadlineBandName, MeasureStatusName, ProblemStatusName, RoleName } from "./enums";

/**
 * The rectification workflow (DOMAIN "Workflow"), implemented once: which action moves a problem
 * from which state to which, who may take it, which guard must hold and which need a comment.
 * Pure: the transition and plan use cases, the pages and the tests all ask these functions.
 *
 * REGISTERED → ASSIGNED → (plan approved) RECTIFYING, or ONGOING for the 长期坚持 band
 * RECTIFYING → PENDING_ACCEPTANCE (every measure done, closure materials complete)
 * PENDING_ACCEPTANCE → RECTIFYING (acceptance failed) | PUBLIC_NOTICE (passed, materials accepted)
 * PUBLIC_NOTICE → PENDING_ACCEPTANCE (objection upheld) | PENDING_SIGNOFF (notice period ended)
 * PENDING_SIGNOFF → CLOSED (lead official signs) | RECTIFYING (returned)
 * CLOSED → RECTIFYING (look-back finds a relapse)
 */
export const WORKFLOW_ACTIONS = [
  "ASSIGN",
  "APPROVE_PLAN",
  "RETURN_PLAN",
  "APPLY_ACCEPTANCE",
  "FAIL_ACCEPTANCE",
  "PASS_ACCEPTANCE",
  "UPHOLD_OBJECTION",
  "END_NOTICE",
  "SIGN_OFF",
  "RETURN_SIGNOFF",
  "LOOKBACK_REOPEN",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Plan decisions: taken by deciding a submitted plan, never as a bare transition. */
export const PLAN_ACTIONS = ["APPROVE_PLAN", "RETURN_PLAN"] as const satisfies readonly WorkflowAction[];

/** The closure half (acceptance, public notice, sign-off, look-back): each taken through its own record and route. */
export const CLOSURE_ACTIONS = [
  "FAIL_ACCEPTANCE",
  "PASS_ACCEPTANCE",
  "UPHOLD_OBJECTION",
  "END_NOTICE",
  "SIGN_OFF",
  "RETURN_SIGNOFF",
  "LOOKBACK_REOPEN",
] as const satisfies readonly WorkflowAction[];

/** Actions the transitions endpoint takes: everything but plan decisions and the closure half. */
export const TRANSITION_ACTIONS: readonly WorkflowAction[] = WORKFLOW_ACTIONS.filter(
  (a) => !(PLAN_ACTIONS as readonly string[]).includes(a) && !(CLOSURE_ACTIONS as readonly string[]).includes(a),
);

/** Who, relative to the problem, may take an action. */
export type Party = "COORDINATOR" | "LEAD_OFFICIAL" | "LEAD_DIVISION_HEAD";

type Rule = {
  from: readonly ProblemStatusName[];
  /** The state after the action; "BY_BAND" = ONGOING for the ONGOING band, RECTIFYING otherwise; "SAME" = unchanged. */
  to: ProblemStatusName | "BY_BAND" | "SAME";
  by: readonly Party[];
  /** Sends work back or reopens it: a comment (the reason) is required. */
  commentRequired: boolean;
  /** Counts in `returnCount` (returned twice → RED). */
  countsAsReturn: boolean;
};

export const WORKFLOW_RULES: Record<WorkflowAction, Rule> = {
  ASSIGN: { from: ["REGISTERED"], to: "ASSIGNED", by: ["COORDINATOR"], commentRequired: false, countsAsReturn: false },
  APPROVE_PLAN: {
    from: ["ASSIGNED", "RECTIFYING", "ONGOING"],
    to: "BY_BAND",
    by: ["LEAD_OFFICIAL"],
    commentRequired: false,
    countsAsReturn: false,
  },
  RETURN_PLAN: {
    from: ["ASSIGNED", "RECTIFYING", "ONGOING"],
    to: "SAME",
    by: ["LEAD_OFFICIAL"],
    commentRequired: true,
    countsAsReturn: true,
  },
  APPLY_ACCEPTANCE: {
    from: ["RECTIFYING"],
    to: "PENDING_ACCEPTANCE",
    by: ["LEAD_DIVISION_HEAD", "COORDINATOR"],
    commentRequired: false,
    countsAsReturn: false,
  },
  FAIL_ACCEPTANCE: {
    from: ["PENDING_ACCEPTANCE"],
    to: "RECTIFYING",
    by: ["COORDINATOR"],
    commentRequired: true,
    countsAsReturn: true,
  },
  PASS_ACCEPTANCE: {
    from: ["PENDING_ACCEPTANCE"],
    to: "PUBLIC_NOTICE",
    by: ["COORDINATOR"],
    commentRequired: false,
    countsAsReturn: false,
  },
  UPHOLD_OBJECTION: {
    from: ["PUBLIC_NOTICE"],
    to: "PENDING_ACCEPTANCE",
    by: ["COORDINATOR"],
    commentRequired: true,
    countsAsReturn: false,
  },
  END_NOTICE: {
    from: ["PUBLIC_NOTICE"],
    to: "PENDING_SIGNOFF",
    by: ["COORDINATOR"],
    commentRequired: false,
    countsAsReturn: false,
  },
  SIGN_OFF: { from: ["PENDING_SIGNOFF"], to: "CLOSED", by: ["LEAD_OFFICIAL"], commentRequired: false, countsAsReturn: false },
  RETURN_SIGNOFF: {
    from: ["PENDING_SIGNOFF"],
    to: "RECTIFYING",
    by: ["LEAD_OFFICIAL"],
    commentRequired: true,
    countsAsReturn: true,
  },
  LOOKBACK_REOPEN: { from: ["CLOSED"], to: "RECTIFYING", by: ["COORDINATOR"], commentRequired: true, countsAsReturn: false },
};

export type WorkflowProblem = {
  status: ProblemStatusName;
  deadlineBand: DeadlineBandName;
  leadOfficialId: string | null;
  leadUnitId: string;
};

export type WorkflowActor = { id: string; role: RoleName; unitId: string | null };

export type WorkflowContext = {
  /** Status of each of the problem's measures. */
  measures: readonly { status: MeasureStatusName }[];
  /** A plan version is awaiting the lead official's decision. */
  pendingPlan: boolean;
  /**
   * How the problem's closure materials meet its category's checklist: `complete` (every required
   * kind has an item not returned) lets it apply for acceptance; `accepted` (every required kind has
   * an accepted item) lets acceptance pass. Not evaluated (absent) counts as neither: the gate
   * fails closed, so a caller that never loaded the materials can never open it.
   */
  checklist?: { complete: boolean; accepted: boolean };
};

/**
 * Why an action is refused. `illegalState`: not possible from the current state (422);
 * `forbidden`: the person's role never takes it (403); `notLeadOfficial` / `notLeadDivision`:
 * the right role but not this problem's (403); the rest are guards or input (422).
 */
export type RefusalReason =
  | "illegalState"
  | "forbidden"
  | "notLeadOfficial"
  | "notLeadDivision"
  | "noLeadOfficial"
  | "noMeasures"
  | "measuresOpen"
  | "ongoingNeverCloses"
  | "noPendingPlan"
  | "checklistIncomplete"
  | "evidenceNotAccepted"
  | "commentRequired";

export const FORBIDDEN_REASONS: readonly RefusalReason[] = ["forbidden", "notLeadOfficial", "notLeadDivision"];

export type Decision =
  | {
      ok: true;
      action: WorkflowAction;
      from: ProblemStatusName;
      to: ProblemStatusName;
      countsAsReturn: boolean;
      /** Look-back reopening: the relapse flag is set. */
      setsRelapse: boolean;
      /** Sign-off: the problem is closed (closedAt set). */
      closes: boolean;
      /** Assignment: rectification (and the planned pace) starts now. */
      starts: boolean;
    }
  | { ok: false; action: WorkflowAction; reason: RefusalReason };

/** Whether the person stands in the given relation to the problem. */
function actsAs(who: Party, problem: WorkflowProblem, actor: WorkflowActor): boolean {
  switch (who) {
    case "COORDINATOR":
      return actor.role === "COORDINATOR";
    case "LEAD_OFFICIAL":
      return actor.role === "LEADER" && problem.leadOfficialId !== null && problem.leadOfficialId === actor.id;
    case "LEAD_DIVISION_HEAD":
      return actor.role === "DIVISION_HEAD" && actor.unitId !== null && actor.unitId === problem.leadUnitId;
  }
}

/** The refusal when the person is not among `by`: wrong role, or right role but not this problem's. */
function relationRefusal(by: readonly Party[], actor: WorkflowActor): RefusalReason {
  if (actor.role === "LEADER" && by.includes("LEAD_OFFICIAL")) return "notLeadOfficial";
  if (actor.role === "DIVISION_HEAD" && by.includes("LEAD_DIVISION_HEAD")) return "notLeadDivision";
  return "forbidden";
}

function guardRefusal(action: WorkflowAction, problem: WorkflowProblem, context: WorkflowContext): RefusalReason | null {
  switch (action) {
    case "ASSIGN":
      // Plans and sign-off need a lead official; assigning without one would leave the problem stuck.
      return problem.leadOfficialId === null ? "noLeadOfficial" : null;
    case "APPROVE_PLAN":
    case "RETURN_PLAN":
      return context.pendingPlan ? null : "noPendingPlan";
    case "APPLY_ACCEPTANCE":
      if (problem.deadlineBand === "ONGOING") return "ongoingNeverCloses";
      if (context.measures.length === 0) return "noMeasures";
      if (!context.measures.every((m) => m.status === "DONE")) return "measuresOpen";
      return context.checklist?.complete ? null : "checklistIncomplete";
    case "PASS_ACCEPTANCE":
      // Whoever accepts is accountable: every required kind must carry reviewed, accepted proof.
      return context.checklist?.accepted ? null : "evidenceNotAccepted";
    default:
      return null;
  }
}

function targetOf(rule: Rule, problem: WorkflowProblem): ProblemStatusName {
  if (rule.to === "SAME") return problem.status;
  if (rule.to === "BY_BAND") {
    // Approving a revised plan keeps the problem where it is; the first approval starts the work.
    if (problem.status !== "ASSIGNED") return problem.status;
    return problem.deadlineBand === "ONGOING" ? "ONGOING" : "RECTIFYING";
  }
  return rule.to;
}

/**
 * Decides one action: the target state, or why it is refused. Checks, in order: the current
 * state, the person (role and relation to the problem), the guard, then the comment.
 */
export function decide(
  problem: WorkflowProblem,
  action: WorkflowAction,
  actor: WorkflowActor,
  context: WorkflowContext & { comment?: string | null },
): Decision {
  const rule = WORKFLOW_RULES[action];
  if (!rule.from.includes(problem.status)) return { ok: false, action, reason: "illegalState" };
  if (!rule.by.some((who) => actsAs(who, problem, actor))) return { ok: false, action, reason: relationRefusal(rule.by, actor) };
  const guard = guardRefusal(action, problem, context);
  if (guard) return { ok: false, action, reason: guard };
  if (rule.commentRequired && !context.comment?.trim()) return { ok: false, action, reason: "commentRequired" };
  return {
    ok: true,
    action,
    from: problem.status,
    to: targetOf(rule, problem),
    countsAsReturn: rule.countsAsReturn,
    setsRelapse: action === "LOOKBACK_REOPEN",
    closes: action === "SIGN_OFF",
    starts: action === "ASSIGN",
  };
}

/**
 * The actions this person may take on the problem now (a comment, where required, still has to
 * be given). `among` narrows the candidates, e.g. to `TRANSITION_ACTIONS`.
 */
export function allowedActions(
  problem: WorkflowProblem,
  actor: WorkflowActor,
  context: WorkflowContext,
  among: readonly WorkflowAction[] = WORKFLOW_ACTIONS,
): WorkflowAction[] {
  return among.filter((action) => {
    const d = decide(problem, action, actor, { ...context, comment: "-" });
    return d.ok;
  });
}

/** States in which the lead division writes a plan: the first one after assignment, revisions while the work runs. */
export const PLAN_SUBMIT_STATES: readonly ProblemStatusName[] = ["ASSIGNED", "RECTIFYING", "ONGOING"];

/** Who writes plans: the lead division's head, or the inspection office on its behalf. */
export const PLAN_AUTHORS: readonly Party[] = ["LEAD_DIVISION_HEAD", "COORDINATOR"];

export type PlanSubmitRefusal = "planNotInState" | "forbidden" | "notLeadDivision" | "planPending";

/** Whether this person may submit a new plan version now; null when they may, else why not. */
export function planSubmitRefusal(
  problem: WorkflowProblem,
  actor: WorkflowActor,
  context: Pick<WorkflowContext, "pendingPlan">,
): PlanSubmitRefusal | null {
  if (!PLAN_SUBMIT_STATES.includes(problem.status)) return "planNotInState";
  if (!PLAN_AUTHORS.some((who) => actsAs(who, problem, actor))) {
    return relationRefusal(PLAN_AUTHORS, actor) === "notLeadDivision" ? "notLeadDivision" : "forbidden";
  }
  return context.pendingPlan ? "planPending" : null;
}

export function isWorkflowAction(value: string): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}
