import type { DeadlineBandName, ProblemStatusName, RoleName } from "./enums";

export type ExtensionProblem = {
  status: ProblemStatusName;
  deadlineBand: DeadlineBandName;
  deadline: Date | null;
  leadUnitId: string;
  leadOfficialId: string | null;
};

/**
 * Why a deadline extension (延期) cannot be requested for the problem now, as an i18n key, or null
 * when it can: closed problems and long-term (ONGOING) ones have no deadline to move, a request
 * needs a lead official to decide it, and only one request may wait at a time.
 */
export function extensionRequestRefusal(problem: ExtensionProblem, pendingRequests: number): string | null {
  if (problem.status === "CLOSED") return "extensionClosed";
  if (problem.deadlineBand === "ONGOING" || problem.status === "ONGOING" || problem.deadline === null) {
    return "extensionOngoing";
  }
  if (problem.leadOfficialId === null) return "extensionNoLeadOfficial";
  if (pendingRequests > 0) return "extensionPending";
  return null;
}

/** The new deadline must move the current one later, and must not already be past. Returns an i18n key or null. */
export function newDeadlineProblem(newDeadline: Date, currentDeadline: Date, today: Date): string | null {
  if (newDeadline.getTime() <= currentDeadline.getTime()) return "extensionNotLater";
  if (newDeadline.getTime() < today.getTime()) return "extensionInPast";
  return null;
}

type Person = { id: string; role: RoleName; unitId: string | null };

/** The coordinator, or the head of the lead division, may ask for more time (`mayRequest` answers `extension.request`). */
export function mayRequestExtension(actor: Person, problem: Pick<ExtensionProblem, "leadUnitId">, mayRequest: boolean): boolean {
  if (!mayRequest) return false;
  if (actor.role === "DIVISION_HEAD") return actor.unitId !== null && actor.unitId === problem.leadUnitId;
  return true;
}

/**
 * Only the problem's own lead official decides (`mayDecide` answers `extension.decide`), and only
 * while still a leader: someone named on the problem who has since moved to another role may not,
 * whatever the caller's permission check said.
 */
export function mayDecideExtension(
  actor: Person,
  problem: Pick<ExtensionProblem, "leadOfficialId">,
  mayDecide: boolean,
): boolean {
  return mayDecide && actor.role === "LEADER" && problem.leadOfficialId !== null && problem.leadOfficialId === actor.id;
}

/** Whether an approval can still take effect: the problem must still run against a deadline. */
export function extensionApprovable(problem: Pick<ExtensionProblem, "status" | "deadlineBand">): boolean {
  return problem.status !== "CLOSED" && problem.status !== "ONGOING" && problem.deadlineBand !== "ONGOING";
}

/**
 * The deadline fields after an approved extension: the deadline moves, the first deadline ever set
 * stays visible in `originalDeadline`, the extension is counted (statistics), and escalation starts
 * over for the new deadline.
 */
export function extendedDeadline(
  problem: { deadline: Date | null; originalDeadline: Date | null; extensionCount: number },
  newDeadline: Date,
): { deadline: Date; originalDeadline: Date | null; extensionCount: number; escalation: "NONE" } {
  return {
    deadline: newDeadline,
    originalDeadline: problem.originalDeadline ?? problem.deadline,
    extensionCount: problem.extensionCount + 1,
    escalation: "NONE",
  };
}
