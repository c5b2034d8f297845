import { daysBetween } from "./calendar";
import type { DeadlineBandName, ProblemStatusName } from "./enums";
import { weightedProgress } from "./progress";

/** Statuses that no longer run against a deadline. */
const DEADLINE_FREE: readonly ProblemStatusName[] = ["CLOSED", "ONGOING"];

/**
 * Overdue is computed, never stored: the deadline (a calendar day) has passed and the problem is
 * neither closed nor a long-term (ONGOING) one. A problem due today is not yet overdue.
 */
export function isOverdue(p: { deadline: Date | null; status: ProblemStatusName }, today: Date): boolean {
  return p.deadline !== null && !DEADLINE_FREE.includes(p.status) && p.deadline.getTime() < today.getTime();
}

export function overdueDays(p: { deadline: Date | null; status: ProblemStatusName }, today: Date): number {
  return isOverdue(p, today) ? daysBetween(p.deadline as Date, today) : 0;
}

/** Progress of measures that all weigh alike: `weightedProgress` with weight 1 each. */
export function progressFromMeasures(measures: readonly { percent: number }[]): number {
  return weightedProgress(measures.map((m) => ({ percent: m.percent, weight: 1 })));
}

/**
 * Deadline rules per band: every band but ONGOING needs a deadline; ONGOING (长期坚持) has none.
 * Returns an i18n message key for the `deadline` field, or null when consistent.
 */
export function deadlineProblem(band: DeadlineBandName, deadline: Date | null): string | null {
  if (band === "ONGOING") return deadline === null ? null : "deadlineNotForOngoing";
  return deadline === null ? "deadlineRequired" : null;
}
