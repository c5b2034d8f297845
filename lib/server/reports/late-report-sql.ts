import "server-only";
import { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";
import { REPORT_DUTY_STATUSES, type ReportCycle } from "../../domain/reporting";

/**
 * `reportStanding` in SQL, over a problem aliased `p`, for the set-based readers (the late
 * reporters, the dashboard's late-report counts): the last report on the problem (an index-only
 * look-up per problem), and the day the next report is due — the bureau's calendar day
 * (Asia/Shanghai) of the later of that report and the assignment (the registration when never
 * assigned), plus `reportCycleDays`. Times are stored in UTC.
 */
export const lastReportSql = Prisma.sql`(SELECT max(r."createdAt") FROM "ProgressReport" r WHERE r."problemId" = p.id)`;

export function reportDueOnSql(lastReport: Prisma.Sql, cycle: Pick<ReportCycle, "reportCycleDays">): Prisma.Sql {
  return Prisma.sql`(((greatest(${lastReport}, coalesce(p."assignedAt", p."createdAt")) AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date + ${cycle.reportCycleDays}::int)`;
}

/** The problem's status owes periodic reports (`REPORT_DUTY_STATUSES`). */
export const reportDutySql = Prisma.sql`p.status::text IN (${Prisma.join([...REPORT_DUTY_STATUSES])})`;

/** Whether the problem's lead unit is late with its report on `today`: a duty status and more than the grace days past the due day. */
export function lateReportSql(today: Date, cycle: ReportCycle): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${reportDutySql}
    THEN ${formatCalendarDate(today)}::date - ${reportDueOnSql(lastReportSql, cycle)} > ${cycle.lateReportGraceDays}::int
    ELSE false END)`;
}
