import "server-only";
import { db } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { daysOverInSeason, seasonRange } from "../../domain/taihu";
import { type Actor, authorize } from "../../permissions";
import type { PointDto, ReadingDto } from "../../schemas/taihu";
import { levelOf, thresholdsOf, toPointDto, toReadingDto } from "./point-dto";

export type SeasonBoard = {
  year: number;
  today: string;
  points: (PointDto & { todayLevel: number | null; daysOver: number; daysOverLastSeason: number; readings: ReadingDto[] })[];
  /** Alert episodes of this season and the last, for the leaders' totals. */
  episodes: { pointCode: string; startedOn: string; endedOn: string | null; peakLevel: number }[];
};

/**
 * The season board (April–October): per point today's level, the season's readings for the trend
 * lines, and days over a threshold this season against the same season last year.
 */
export async function getSeasonBoard(actor: Actor, opts: { year?: number; now?: Date } = {}): Promise<SeasonBoard> {
  authorize(actor, "taihu.read");
  const todayDate = bureauToday(opts.now);
  const today = formatCalendarDate(todayDate);
  const year = opts.year ?? todayDate.getUTCFullYear();
  const last = seasonRange(year - 1);
  const current = seasonRange(year);
  const points = await db.taihuPoint.findMany({
    where: { active: true },
    include: {
      district: true,
      readings: {
        // Today's reading counts for today's status even outside the season (a reading in November).
        where: {
          OR: [
            { day: { gte: parseCalendarDate(last.from) as Date, lte: parseCalendarDate(current.to) as Date } },
            { day: todayDate },
          ],
        },
        orderBy: { day: "asc" },
      },
      episodes: { where: { startedOn: { gte: parseCalendarDate(last.from) as Date } }, orderBy: { startedOn: "asc" } },
    },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return {
    year,
    today,
    points: points.map((p) => {
      const t = thresholdsOf(p);
      const levels = p.readings.map((r) => ({ day: formatCalendarDate(r.day), level: levelOf(r, t) }));
      const latest = p.readings.at(-1) ?? null;
      const open = p.episodes.find((e) => e.endedOn === null) ?? null;
      const todayReading = p.readings.find((r) => formatCalendarDate(r.day) === today);
      return {
        ...toPointDto(p, latest, open),
        todayLevel: todayReading ? levelOf(todayReading, t) : null,
        daysOver: daysOverInSeason(levels, year),
        daysOverLastSeason: daysOverInSeason(levels, year - 1),
        readings: p.readings
          .filter((r) => formatCalendarDate(r.day) >= current.from && formatCalendarDate(r.day) <= current.to)
          .map((r) => toReadingDto(r, p, t)),
      };
    }),
    episodes: points.flatMap((p) =>
      p.episodes.map((e) => ({
        pointCode: p.code,
        startedOn: formatCalendarDate(e.startedOn),
        endedOn: e.endedOn ? formatCalendarDate(e.endedOn) : null,
        peakLevel: e.peakLevel,
      })),
    ),
  };
}
