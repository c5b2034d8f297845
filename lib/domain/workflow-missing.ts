import type { EvidenceKindName, ProblemStatusName } from "./enums";
import { type RefusalReason, WORKFLOW_RULES, type WorkflowAction } from "./workflow";

/**
 * What a refused step lacks, as machine codes a client can act on (`error.missing`), beside the
 * Chinese message: the workflow milestones not yet reached (PLAN_APPROVED, ACCEPTANCE_PASSED…),
 * the person it needs (LEAD_OFFICIAL, ROLE_COORDINATOR…), the evidence kinds still missing
 * (EVIDENCE_AFTER_PHOTO) or not yet accepted (EVIDENCE_ACCEPTED_AFTER_PHOTO), a COMMENT.
 */
export const MISSING_CODES_DOC = [
  "ASSIGNED",
  "PLAN_APPROVED",
  "ACCEPTANCE_APPLIED",
  "ACCEPTANCE_PASSED",
  "NOTICE_ENDED",
  "SIGNED_OFF",
  "STATUS_<state>",
  "ROLE_<role>",
  "LEAD_OFFICIAL",
  "LEAD_DIVISION_HEAD",
  "LEAD_OFFICIAL_SET",
  "MEASURES",
  "MEASURES_DONE",
  "DEADLINE_BAND_NOT_ONGOING",
  "PLAN_SUBMITTED",
  "NO_PENDING_PLAN",
  "EVIDENCE_<kind>",
  "EVIDENCE_ACCEPTED_<kind>",
  "COMMENT",
  "NOTICE_OPEN",
  "NOTICE_PERIOD_OVER",
  "OBJECTIONS_HANDLED",
] as const;

/** How far along the workflow each state is; ONGOING runs beside RECTIFYING. */
const RANK: Record<ProblemStatusName, number> = {
  REGISTERED: 0,
  ASSIGNED: 1,
  RECTIFYING: 2,
  ONGOING: 2,
  PENDING_ACCEPTANCE: 3,
  PUBLIC_NOTICE: 4,
  PENDING_SIGNOFF: 5,
  CLOSED: 6,
};

/** The step that brings a problem to each rank. */
const MILESTONE: Record<number, string> = {
  1: "ASSIGNED",
  2: "PLAN_APPROVED",
  3: "ACCEPTANCE_APPLIED",
  4: "ACCEPTANCE_PASSED",
  5: "NOTICE_ENDED",
  6: "SIGNED_OFF",
};

const PARTY_CODE = { COORDINATOR: "ROLE_COORDINATOR", LEAD_OFFICIAL: "LEAD_OFFICIAL", LEAD_DIVISION_HEAD: "LEAD_DIVISION_HEAD" };

/**
 * The milestones a problem in `status` must pass before `action` is possible: from the next one
 * up to the earliest state the action starts from. A state already left behind names the states
 * the action needs (STATUS_REGISTERED).
 */
export function milestonesBefore(action: WorkflowAction, status: ProblemStatusName): string[] {
  const from = WORKFLOW_RULES[action].from;
  const target = Math.min(...from.map((s) => RANK[s]));
  const now = RANK[status];
  if (now < target) {
    const out: string[] = [];
    for (let r = now + 1; r <= target; r++) out.push(MILESTONE[r] as string);
    return out;
  }
  return from.map((s) => `STATUS_${s}`);
}

export function missingFor(
  reason: RefusalReason | "closureStep" | "planDecisionOnly" | "planNotInState" | "planPending",
  action: WorkflowAction | null,
  status: ProblemStatusName,
  lackingKinds: readonly EvidenceKindName[] = [],
): string[] {
  switch (reason) {
    case "illegalState":
      return action ? milestonesBefore(action, status) : [];
    case "forbidden":
      return action ? WORKFLOW_RULES[action].by.map((p) => PARTY_CODE[p]) : [];
    case "notLeadOfficial":
      return ["LEAD_OFFICIAL"];
    case "notLeadDivision":
      return ["LEAD_DIVISION_HEAD"];
    case "noLeadOfficial":
      return ["LEAD_OFFICIAL_SET"];
    case "noMeasures":
      return ["MEASURES"];
    case "measuresOpen":
      return ["MEASURES_DONE"];
    case "ongoingNeverCloses":
      return ["DEADLINE_BAND_NOT_ONGOING"];
    case "noPendingPlan":
      return ["PLAN_SUBMITTED"];
    case "planPending":
      return ["NO_PENDING_PLAN"];
    case "planNotInState":
      return status === "REGISTERED" ? ["ASSIGNED"] : ["STATUS_ASSIGNED", "STATUS_RECTIFYING", "STATUS_ONGOING"];
    case "checklistIncomplete":
      return lackingKinds.map((k) => `EVIDENCE_${k}`);
    case "evidenceNotAccepted":
      return lackingKinds.map((k) => `EVIDENCE_ACCEPTED_${k}`);
    case "commentRequired":
      return ["COMMENT"];
    case "closureStep":
    case "planDecisionOnly":
      return [];
  }
}

/** What an ended-notice refusal lacks. */
export function noticeMissing(refusal: "noOpenNotice" | "noticeRunning" | "objectionsPending"): string[] {
  return { noOpenNotice: ["NOTICE_OPEN"], noticeRunning: ["NOTICE_PERIOD_OVER"], objectionsPending: ["OBJECTIONS_HANDLED"] }[
    refusal
  ];
}
