import "server-only";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { monthlyCounts, yearToDate } from "../../domain/incidents";
import { type Actor, can } from "../../permissions";
import { incidentScope } from "../incidents/scope";
import { levelOf, thresholdsOf } from "../taihu/point-dto";
import { listRounds } from "./get-round";

export type BottomLineWatch = {
  today: string;
  taihu: { points: number; over: string[]; missing: number } | null;
  incidents: { year: number; thisYear: number; lastYearSamePeriod: number } | null;
  round: { id: string; title: string; units: number; submitted: number; late: number } | null;
};

/**
 * The leaders' dashboard numbers of Taihu today, incidents this year against the same months last
 * year, and the open self-review round (answered and late units) — each within the reader's scope.
 */
export async function getBottomLineWatch(actor: Actor, opts: { now?: Date } = {}): Promise<BottomLineWatch> {
  const todayDate = bureauToday(opts.now);
  const today = formatCalendarDate(todayDate);
  const year = todayDate.getUTCFullYear();
  let taihu: BottomLineWatch["taihu"] = null;
  if (can(actor, "taihu.read")) {
    const points = await db.taihuPoint.findMany({
      where: { active: true },
      include: { readings: { where: { day: todayDate } } },
    });
    const over = points.filter((p) => p.readings[0] && levelOf(p.readings[0], thresholdsOf(p)) > 0).map((p) => p.code);
    taihu = { points: points.length, over, missing: points.filter((p) => !p.readings[0]).length };
  }
  let incidents: BottomLineWatch["incidents"] = null;
  if (can(actor, "incident.read")) {
    const days = await db.incident.findMany({
      where: {
        AND: [
          incidentScope(actor),
          { occurredOn: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
        ],
      },
      select: { occurredOn: true },
    });
    incidents = {
      year,
      ...yearToDate(
        monthlyCounts(
          days.map((d) => formatCalendarDate(d.occurredOn)),
          year,
          today,
        ),
      ),
    };
  }
  let round: BottomLineWatch["round"] = null;
  if (can(actor, "selfReview.read")) {
    const open = (await listRounds(actor, opts)).find((r) => r.status === "OPEN");
    if (open) round = { id: open.id, title: open.title, units: open.units, submitted: open.submitted, late: open.late };
  }
  return { today, taihu, incidents, round };
}
