import { describe, expect, it } from "vitest";
import { formatCalendarDate, parseCalendarDate } from "@/lib/domain/calendar";
import { PROBLEM_STATUSES } from "@/lib/domain/enums";
import { REPORT_DUTY_STATUSES, REPORTABLE_STATUSES, reportable, reportStanding } from "@/lib/domain/reporting";

const day = (text: string) => parseCalendarDate(text) as Date;
/** An instant at the given Shanghai local time. */
const at = (text: string, hhmm = "10:00") => new Date(`${text}T${hhmm}:00+08:00`);
const cycle = { reportCycleDays: 10, lateReportGraceDays: 2 };
const assigned = { status: "RECTIFYING" as const, assignedAt: at("2026-06-01"), createdAt: at("2026-05-20"), lastReportAt: null };

describe("reportStanding", () => {
  it("the first report is due a cycle after assignment", () => {
    const s = reportStanding(assigned, day("2026-06-05"), cycle);
    expect(s && formatCalendarDate(s.cycleStart)).toBe("2026-06-01");
    expect(s && formatCalendarDate(s.dueOn)).toBe("2026-06-11");
    expect(s).toMatchObject({ late: false, daysLate: 0 });
  });

  it.each([
    ["2026-06-11", false, 0],
    ["2026-06-12", false, 0],
    ["2026-06-13", false, 0],
    ["2026-06-14", true, 3],
    ["2026-06-20", true, 9],
  ] as const)("on %s: late %s, %i days late (due 06-11, 2 days' grace)", (today, late, daysLate) => {
    expect(reportStanding(assigned, day(today), cycle)).toMatchObject({ late, daysLate });
  });

  it("a report starts a new cycle from its day", () => {
    const reported = { ...assigned, lastReportAt: at("2026-06-10", "16:30") };
    const s = reportStanding(reported, day("2026-06-20"), cycle);
    expect(s && formatCalendarDate(s.dueOn)).toBe("2026-06-20");
    expect(s?.late).toBe(false);
    expect(reportStanding(reported, day("2026-06-23"), cycle)).toMatchObject({ late: true, daysLate: 3 });
  });

  it("counts days in Shanghai: a report at 23:30 local time belongs to that day", () => {
    const lateEvening = { ...assigned, lastReportAt: at("2026-06-10", "23:30") };
    const s = reportStanding(lateEvening, day("2026-06-21"), cycle);
    expect(s && formatCalendarDate(s.cycleStart)).toBe("2026-06-10");
  });

  it("a report older than the assignment does not count (re-assigned work starts afresh)", () => {
    const old = { ...assigned, lastReportAt: at("2026-05-25") };
    const s = reportStanding(old, day("2026-06-05"), cycle);
    expect(s && formatCalendarDate(s.cycleStart)).toBe("2026-06-01");
  });

  it("without an assignment time the registration starts the duty", () => {
    const s = reportStanding({ ...assigned, assignedAt: null }, day("2026-06-05"), cycle);
    expect(s && formatCalendarDate(s.dueOn)).toBe("2026-05-30");
    expect(s).toMatchObject({ late: true, daysLate: 6 });
  });

  it("the cycle and the grace are settings", () => {
    expect(reportStanding(assigned, day("2026-06-09"), { reportCycleDays: 7, lateReportGraceDays: 0 })).toMatchObject({
      late: true,
      daysLate: 1,
    });
    expect(reportStanding(assigned, day("2026-06-09"), { reportCycleDays: 7, lateReportGraceDays: 1 })?.late).toBe(false);
  });

  it.each(PROBLEM_STATUSES)("%s: a report duty only while rectifying or ongoing", (status) => {
    const s = reportStanding({ ...assigned, status }, day("2027-01-01"), cycle);
    if (REPORT_DUTY_STATUSES.includes(status)) expect(s?.late).toBe(true);
    else expect(s).toBeNull();
  });

  it("an ongoing problem owes reports like a rectifying one", () => {
    expect(reportStanding({ ...assigned, status: "ONGOING" }, day("2026-06-14"), cycle)).toMatchObject({
      late: true,
      daysLate: 3,
    });
  });
});

describe("reportable", () => {
  it.each(PROBLEM_STATUSES)("%s", (status) => {
    expect(reportable(status)).toBe(["ASSIGNED", "RECTIFYING", "ONGOING"].includes(status));
  });
  it("every status with a report duty accepts reports", () => {
    expect(REPORT_DUTY_STATUSES.every((s) => REPORTABLE_STATUSES.includes(s))).toBe(true);
  });
});
