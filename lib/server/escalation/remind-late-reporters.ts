import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { reportCycleIndex } from "../../domain/escalation";
import type { Settings } from "../../domain/settings";
import type { Actor } from "../../permissions";
import { noticeText } from "../notifications/notice-text";
import { type Notice, notifyMany } from "../notifications/notify";
import { unitStaffOfUnits } from "../notifications/recipients";
import { listLateReporters } from "../reports/list-late-reporters";
import { getSettings } from "../settings/get-settings";
import { lockEscalationJob, TX_OPTIONS } from "./job-lock";

/** The scheduled jobs read the whole ledger as a read-only reader; they never act as a person. */
const LEDGER_READER: Actor = {
  id: "00000000-0000-0000-0000-000000000000",
  username: "escalation-job",
  displayName: "督办任务",
  role: "VIEWER",
  unitId: null,
  districtId: null,
  locale: "zh-CN",
  sessionId: "escalation-job",
};

export type LateReportRun = { lateReporters: number; notificationsCreated: number };

/**
 * Late-report reminders: for each problem whose lead unit is late with its progress report, the
 * unit's heads (division heads, or an agency's field officers) are told — once per report cycle
 * of lateness, so a unit that stays late hears again every cycle and a unit that reports is left
 * alone (the next due day starts a new key).
 */
export async function remindLateReporters(opts: { now?: Date; settings?: Settings } = {}): Promise<LateReportRun> {
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const settings = opts.settings ?? (await getSettings(db));
  const late = await listLateReporters(LEDGER_READER, {}, { now });
  if (late.length === 0) return { lateReporters: 0, notificationsCreated: 0 };

  const staffOf = await unitStaffOfUnits(
    db,
    late.map((u) => u.unitId),
  );

  const notices: Notice[] = [];
  for (const unit of late) {
    const recipients = staffOf.get(unit.unitId) ?? [];
    if (recipients.length === 0) continue;
    for (const p of unit.problems) {
      const dueOn = parseCalendarDate(p.dueOn) as Date;
      const cycle = reportCycleIndex(dueOn, today, settings.reportCycleDays);
      const vars = { code: p.code, title: p.title, unit: unit.unitName, dueOn: p.dueOn, days: p.daysLate };
      notices.push({
        recipients,
        kind: "report.late",
        problemId: p.id,
        link: `/problems/${p.id}`,
        dedupeKey: `report-late:${p.id}:${p.dueOn}:${cycle}`,
        text: (locale) => noticeText(locale, "lateReport", vars),
      });
    }
  }
  const created = notices.length
    ? await db.$transaction(async (tx) => {
        await lockEscalationJob(tx);
        return notifyMany(tx, notices);
      }, TX_OPTIONS)
    : 0;
  return { lateReporters: late.length, notificationsCreated: created };
}
