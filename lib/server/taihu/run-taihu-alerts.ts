import "server-only";
import { db } from "../../db";
import { formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { ALERT_ALERT, episodesOf } from "../../domain/taihu";
import { lockEscalationJob, TX_OPTIONS } from "../escalation/job-lock";
import { type Notice, notifyMany } from "../notifications/notify";
import { bureauHeads } from "../notifications/recipients";
import { type AlertFacts, taihuAlertText } from "./alert-text";
import { levelOf, thresholdsOf } from "./point-dto";

export type TaihuAlertRun = { points: number; episodesOpened: number; episodesClosed: number; notificationsCreated: number };

/**
 * The Taihu alert job: recomputes each point's alert episodes from its readings (an episode opens
 * with the first reading at or over a threshold and closes with the first one back below), stores
 * new and changed episodes, and tells the duty leader (the bureau heads when the point names none)
 * and the group webhook — once per episode, by the notice's dedupe key, however often it runs.
 * An episode that had already ended before the job first saw it (a back-filled import) is stored
 * without a notice: nobody needs an alarm for a bloom that is over.
 */
export async function runTaihuAlerts(): Promise<TaihuAlertRun> {
  const run: TaihuAlertRun = { points: 0, episodesOpened: 0, episodesClosed: 0, notificationsCreated: 0 };
  const points = await db.taihuPoint.findMany({ where: { active: true } });
  const heads = await bureauHeads(db);
  for (const point of points) {
    run.points += 1;
    const t = thresholdsOf(point);
    const readings = await db.taihuReading.findMany({ where: { pointId: point.id }, orderBy: { day: "asc" } });
    const byDay = new Map(readings.map((r) => [formatCalendarDate(r.day), r]));
    const computed = episodesOf(readings.map((r) => ({ day: formatCalendarDate(r.day), level: levelOf(r, t) })));
    await db.$transaction(async (tx) => {
      await lockEscalationJob(tx);
      const stored = new Map(
        (await tx.taihuEpisode.findMany({ where: { pointId: point.id } })).map((e) => [formatCalendarDate(e.startedOn), e]),
      );
      const notices: Notice[] = [];
      for (const ep of computed) {
        const existing = stored.get(ep.startedOn);
        stored.delete(ep.startedOn);
        const endedOn = ep.endedOn ? parseCalendarDate(ep.endedOn) : null;
        if (!existing) {
          await tx.taihuEpisode.create({
            data: {
              pointId: point.id,
              startedOn: parseCalendarDate(ep.startedOn) as Date,
              endedOn,
              peakLevel: ep.peakLevel,
              notifiedAt: ep.endedOn ? null : new Date(),
            },
          });
          run.episodesOpened += 1;
          if (ep.endedOn) continue;
          const first = byDay.get(ep.startedOn);
          const facts: AlertFacts = {
            point: point.name,
            code: point.code,
            day: ep.startedOn,
            level: ep.peakLevel >= ALERT_ALERT ? 2 : 1,
            algaeDensity: first?.algaeDensity == null ? null : Number(first.algaeDensity),
            bloomArea: first?.bloomArea == null ? null : Number(first.bloomArea),
            blackBloom: !!first?.blackBloom,
            sourceAbnormal: first?.sourceStatus === "ABNORMAL",
          };
          notices.push({
            recipients: point.dutyLeaderId ? [point.dutyLeaderId] : heads,
            kind: "taihu.alert",
            link: `/bottom-line/taihu?point=${encodeURIComponent(point.code)}`,
            dedupeKey: `taihu-episode:${point.id}:${ep.startedOn}`,
            text: (l) => taihuAlertText(l, facts),
          });
        } else if (
          formatCalendarDate(existing.endedOn ?? new Date(0)) !== (ep.endedOn ?? formatCalendarDate(new Date(0))) ||
          existing.peakLevel !== ep.peakLevel
        ) {
          if (!existing.endedOn && ep.endedOn) run.episodesClosed += 1;
          await tx.taihuEpisode.update({ where: { id: existing.id }, data: { endedOn, peakLevel: ep.peakLevel } });
        }
      }
      // Episodes no longer borne out by the readings (a reading corrected below the threshold) are removed.
      if (stored.size) await tx.taihuEpisode.deleteMany({ where: { id: { in: [...stored.values()].map((e) => e.id) } } });
      run.notificationsCreated += await notifyMany(tx, notices);
    }, TX_OPTIONS);
  }
  return run;
}
