import { addDays, bureauToday, daysBetween } from "./calendar";
import type { ProblemStatusName } from "./enums";

/** Problems whose lead unit owes periodic progress reports (整改进展): work under way or long-term. */
export const REPORT_DUTY_STATUSES: readonly ProblemStatusName[] = ["RECTIFYING", "ONGOING"];

/** Statuses in which a progress report may be filed: from assignment until the problem applies for acceptance. */
export const REPORTABLE_STATUSES: readonly ProblemStatusName[] = ["ASSIGNED", "RECTIFYING", "ONGOING"];

export function reportable(status: ProblemStatusName): boolean {
  return REPORTABLE_STATUSES.includes(status);
}

export type ReportCycle = { reportCycleDays: number; lateReportGraceDays: number };

export type ReportDuty = {
  status: ProblemStatusName;
  /** When the problem was assigned (start of the duty); the registration time stands in when unknown. */
  assignedAt: Date | null;
  createdAt: Date;
  /** The latest progress report on the problem, if any (whoever filed it). */
  lastReportAt: Date | null;
};

export type ReportStanding = {
  /** Calendar day the current cycle started: the later of the last report and the assignment. */
  cycleStart: Date;
  /** Calendar day the next report is due. */
  dueOn: Date;
  /** Past the due day by more than the grace days. */
  late: boolean;
  /** Days since the due day when late, else 0. */
  daysLate: number;
};

/**
 * The late-report rule: the lead unit of a RECTIFYING or ONGOING problem reports at least every
 * `reportCycleDays` calendar days (Asia/Shanghai), counted from the later of its last report and
 * the assignment. A report is late once more than `lateReportGraceDays` days have passed since it
 * was due; it is then `daysLate` days late, counted from the due day. Problems in other statuses
 * owe nothing (null).
 */
export function reportStanding(duty: ReportDuty, today: Date, cycle: ReportCycle): ReportStanding | null {
  if (!REPORT_DUTY_STATUSES.includes(duty.status)) return null;
  const started = duty.assignedAt ?? duty.createdAt;
  const latest = duty.lastReportAt && duty.lastReportAt.getTime() > started.getTime() ? duty.lastReportAt : started;
  const cycleStart = bureauToday(latest);
  const dueOn = addDays(cycleStart, cycle.reportCycleDays);
  const late = daysBetween(dueOn, today) > cycle.lateReportGraceDays;
  return { cycleStart, dueOn, late, daysLate: late ? daysBetween(dueOn, today) : 0 };
}
