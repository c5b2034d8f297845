import { daysBetween, formatCalendarDate } from "./calendar";
import type { Settings } from "./settings";

/**
 * The escalation ladder (督办, DOMAIN "Deadlines, colours, escalation"), as pure rules:
 * a reminder `reminderDaysBefore` days before the deadline → a yellow notice (黄牌督办) from the
 * deadline day on → a red notice (红牌督办) once the problem has been overdue `redOverdueDays` days.
 * Deadlines are calendar days; "today" is the bureau's calendar day (see `bureauToday`).
 */
export const ESCALATION_LEVELS = ["NONE", "REMINDED", "YELLOW", "RED"] as const;
export type EscalationLevelName = (typeof ESCALATION_LEVELS)[number];
export type EscalationNotice = Exclude<EscalationLevelName, "NONE">;

export type EscalationSettings = Pick<Settings, "reminderDaysBefore" | "redOverdueDays">;

/** Statuses a deadline no longer applies to. */
const WITHOUT_DEADLINE = new Set(["CLOSED", "ONGOING"]);

export function escalationRank(level: EscalationLevelName): number {
  return ESCALATION_LEVELS.indexOf(level);
}

/** Whether a problem in this status with this deadline runs on the ladder at all. */
export function isEscalatable(p: { status: string; deadline: Date | null }): p is { status: string; deadline: Date } {
  return p.deadline !== null && !WITHOUT_DEADLINE.has(p.status);
}

/**
 * The step a deadline calls for today. RED once overdue by `redOverdueDays` days (at least one:
 * a problem due today is not overdue); YELLOW from the deadline day; REMINDED within
 * `reminderDaysBefore` days of it; NONE before that.
 */
export function dueEscalation(deadline: Date, today: Date, settings: EscalationSettings): EscalationLevelName {
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0 && -daysLeft >= settings.redOverdueDays) return "RED";
  if (daysLeft <= 0) return "YELLOW";
  if (daysLeft <= settings.reminderDaysBefore) return "REMINDED";
  return "NONE";
}

/**
 * The notice to send now, or null. The ladder only climbs: a problem already at `current` for
 * this deadline gets nothing until a higher step is due, and a step skipped (the job did not run,
 * or the problem was registered late) is not sent after the higher one — only the highest due.
 */
export function nextEscalation(current: EscalationLevelName, due: EscalationLevelName): EscalationNotice | null {
  return escalationRank(due) > escalationRank(current) ? (due as EscalationNotice) : null;
}

export type EscalationPlan = {
  /** The notice to send now, if any. */
  notice: EscalationNotice | null;
  /** The level to store for the problem (equal to the stored one when nothing changes). */
  level: EscalationLevelName;
};

/**
 * What a run does with one problem. `stored` is the problem's escalation column; `armed` says
 * whether it was reached for the current deadline (a notice of that deadline is on record). The
 * column belongs to an earlier deadline when it is not armed — the deadline moved — and the ladder
 * starts again from NONE for the new one. For the same deadline it only ever climbs.
 */
export function planEscalation(stored: EscalationLevelName, armed: boolean, due: EscalationLevelName): EscalationPlan {
  const current = armed ? stored : "NONE";
  const notice = nextEscalation(current, due);
  return { notice, level: notice ?? current };
}

/** Who hears of each step: the lead unit's heads, the lead official, the bureau heads. */
export type EscalationAudience = { unitHeads: boolean; leadOfficial: boolean; bureauHeads: boolean };

export function escalationAudience(level: EscalationNotice): EscalationAudience {
  switch (level) {
    case "REMINDED":
      return { unitHeads: true, leadOfficial: false, bureauHeads: false };
    case "YELLOW":
      return { unitHeads: true, leadOfficial: true, bureauHeads: false };
    case "RED":
      return { unitHeads: true, leadOfficial: true, bureauHeads: true };
  }
}

/** The dedupe key of a step: one notice per problem, deadline and step, however often the job runs. */
export function escalationKey(problemId: string, deadline: Date, level: EscalationNotice): string {
  return `escalation:${problemId}:${formatCalendarDate(deadline)}:${level}`;
}

/** The prefix shared by every step's key for one deadline (to tell whether the ladder ran for it). */
export function escalationKeyPrefix(problemId: string, deadline: Date): string {
  return `escalation:${problemId}:${formatCalendarDate(deadline)}:`;
}

/**
 * The report cycle a day falls in, counted from the cycle's start (the problem's assignment or its
 * last report): cycle 0 is the first `reportCycleDays` days. Late-report reminders are keyed by it,
 * so a unit that stays late hears once per cycle.
 */
export function reportCycleIndex(since: Date, today: Date, reportCycleDays: number): number {
  const days = daysBetween(since, today);
  return days < 0 ? 0 : Math.floor(days / Math.max(1, reportCycleDays));
}
