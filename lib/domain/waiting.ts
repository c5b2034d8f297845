import type { WorkflowAction } from "./workflow";

/**
 * The decisions and duties waiting for one person on one problem ("what can I do here?"), each
 * with the section of the problem page where it is handled.
 */
export const WAITING_KINDS = [
  "WORKFLOW_STEP",
  "PLAN_DECISION",
  "PLAN_TO_WRITE",
  "EXTENSION_DECISION",
  "EVIDENCE_REVIEW",
  "ACCEPTANCE",
  "OBJECTION",
  "NOTICE_END",
  "SIGN_OFF",
  "REPORT_DUE",
] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];

/** The section (anchor id) of the problem page where each kind is handled. */
export const WAITING_ANCHORS: Record<WaitingKind, string> = {
  WORKFLOW_STEP: "s-workflow",
  PLAN_DECISION: "s-plan",
  PLAN_TO_WRITE: "s-plan",
  EXTENSION_DECISION: "s-extensions",
  EVIDENCE_REVIEW: "s-evidence",
  ACCEPTANCE: "s-closure",
  OBJECTION: "s-closure",
  NOTICE_END: "s-closure",
  SIGN_OFF: "s-closure",
  REPORT_DUE: "s-reports",
};

export type WaitingItem = {
  kind: WaitingKind;
  /** How many items wait (plans, extensions, evidence items, objections); 1 for a single step. */
  count: number;
  anchor: string;
  /** For WORKFLOW_STEP: the steps offered. */
  actions?: WorkflowAction[];
  /** For REPORT_DUE: the calendar day the report was due, and how many days late it is. */
  dueOn?: string;
  daysLate?: number;
};

export type WaitingFacts = {
  /** Workflow steps (not plan decisions, not closure steps) the person may take now. */
  transitions: readonly WorkflowAction[];
  /** Closure steps the person may take now (already narrowed to those possible today). */
  closureSteps: readonly WorkflowAction[];
  mayDecidePlan: boolean;
  pendingPlans: number;
  mayWritePlan: boolean;
  /** The problem still needs its first plan (assigned, none submitted or approved). */
  needsFirstPlan: boolean;
  mayDecideExtensions: boolean;
  pendingExtensions: number;
  mayReviewEvidence: boolean;
  evidenceToReview: number;
  mayHandleObjections: boolean;
  pendingObjections: number;
  /** The person reports for the problem and a report is due (null when none is owed). */
  reportDue: { dueOn: string; daysLate: number } | null;
};

/** Everything waiting for the person, in the order of the work (workflow, plan, …, report). */
export function waitingItems(f: WaitingFacts): WaitingItem[] {
  const out: WaitingItem[] = [];
  const add = (kind: WaitingKind, count: number, extra: Partial<WaitingItem> = {}) => {
    if (count > 0) out.push({ kind, count, anchor: WAITING_ANCHORS[kind], ...extra });
  };
  const steps = f.transitions.filter((a) => a !== "LOOKBACK_REOPEN");
  add("WORKFLOW_STEP", steps.length ? 1 : 0, { actions: [...steps] });
  add("PLAN_DECISION", f.mayDecidePlan ? f.pendingPlans : 0);
  add("PLAN_TO_WRITE", f.mayWritePlan && f.needsFirstPlan ? 1 : 0);
  add("EXTENSION_DECISION", f.mayDecideExtensions ? f.pendingExtensions : 0);
  add("EVIDENCE_REVIEW", f.mayReviewEvidence ? f.evidenceToReview : 0);
  const has = (a: WorkflowAction) => f.closureSteps.includes(a);
  add("ACCEPTANCE", has("PASS_ACCEPTANCE") || has("FAIL_ACCEPTANCE") ? 1 : 0);
  add("OBJECTION", f.mayHandleObjections ? f.pendingObjections : 0);
  add("NOTICE_END", has("END_NOTICE") ? 1 : 0);
  add("SIGN_OFF", has("SIGN_OFF") || has("RETURN_SIGNOFF") ? 1 : 0);
  if (f.reportDue) add("REPORT_DUE", 1, f.reportDue);
  return out;
}
