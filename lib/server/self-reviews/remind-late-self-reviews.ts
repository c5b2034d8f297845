import "server-only";
import { db } from "../../db";
import { addDays, bureauToday, daysBetween, formatCalendarDate } from "../../domain/calendar";
import { lateStep } from "../../domain/self-review";
import type { Settings } from "../../domain/settings";
import { lockEscalationJob, TX_OPTIONS } from "../escalation/job-lock";
import { type Notice, notifyMany } from "../notifications/notify";
import { bureauHeads, unitStaffOfUnits } from "../notifications/recipients";
import { getSettings } from "../settings/get-settings";
import { reflectNotice } from "./texts";

export type LateSelfReviewRun = { lateSheets: number; notificationsCreated: number };

/**
 * Late self-review answers, on the progress-report ladder: from the first day after the due date
 * the unit's staff are reminded once per report cycle (reportCycleDays); after redOverdueDays late
 * days the bureau heads are told once. Only open rounds; a submitted sheet is never late.
 * Idempotent through the notices' dedupe keys.
 */
export async function remindLateSelfReviews(opts: { now?: Date; settings?: Settings } = {}): Promise<LateSelfReviewRun> {
  const today = bureauToday(opts.now);
  const settings = opts.settings ?? (await getSettings(db));
  const sheets = await db.selfReviewSheet.findMany({
    where: { status: { not: "SUBMITTED" }, round: { status: "OPEN", dueOn: { lt: today } } },
    include: { round: true, unit: { select: { id: true, name: true } } },
  });
  if (!sheets.length) return { lateSheets: 0, notificationsCreated: 0 };
  const staff = await unitStaffOfUnits(
    db,
    sheets.map((s) => s.unitId),
  );
  const heads = await bureauHeads(db);
  const notices: Notice[] = [];
  for (const s of sheets) {
    const daysLate = daysBetween(s.round.dueOn, today);
    const dueOn = formatCalendarDate(s.round.dueOn);
    const vars = { title: s.round.title, unit: s.unit.name, dueOn, days: daysLate };
    const link = `/bottom-line/self-reviews/${s.roundId}/units/${s.unitId}`;
    const cycle = Math.floor((daysLate - 1) / Math.max(1, settings.reportCycleDays));
    notices.push({
      recipients: staff.get(s.unitId) ?? [],
      kind: "selfReview.late",
      link,
      dedupeKey: `self-review-late:${s.id}:${formatCalendarDate(addDays(s.round.dueOn, 0))}:${cycle}`,
      text: (l) => reflectNotice(l, "late", vars),
    });
    if (lateStep(daysLate, settings.redOverdueDays) === "escalate") {
      notices.push({
        recipients: heads,
        kind: "selfReview.escalated",
        link,
        dedupeKey: `self-review-escalated:${s.id}`,
        text: (l) => reflectNotice(l, "escalated", vars),
      });
    }
  }
  const created = await db.$transaction(async (tx) => {
    await lockEscalationJob(tx);
    return notifyMany(tx, notices);
  }, TX_OPTIONS);
  return { lateSheets: sheets.length, notificationsCreated: created };
}
