import { daysBetween } from "./calendar";
import type { DeadlineBandName, ProblemStatusName } from "./enums";

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

/** A problem's progress is the mean of its measures' percents, rounded; no measures → 0. */
export function progressFromMeasures(measures: readonly { percent: number }[]): number {
  if (measures.length === 0) return 0;
  const sum = measures.reduce((acc, m) => acc + Math.min(100, Math.max(0, m.percent)), 0);
  return Math.round(sum / measures.length);
}

/**
 * Deadline rules per band: every band but ONGOING needs a deadline; ONGOING (长期坚持) has none.
 * Returns an i18n message key for the `deadline` field, or null when consistent.
 */
export function deadlineProblem(band: DeadlineBandName, deadline: Date | null): string | null {
  if (band === "ONGOING") return deadline === null ? null : "deadlineNotForOngoing";
  return deadline === null ? "deadlineRequired" : null;
}
