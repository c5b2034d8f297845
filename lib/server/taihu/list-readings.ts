import "server-only";
import { db } from "../../db";
import { addDays, bureauToday, parseCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type ReadingDto, readingQuerySchema } from "../../schemas/taihu";
import { thresholdsOf, toReadingDto } from "./point-dto";

/** Readings between `from` and `to` (default: the last 30 days), optionally of one point, by day. */
export async function listReadings(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<ReadingDto[]> {
  authorize(actor, "taihu.read");
  const q = parseInput(readingQuerySchema, raw, opts.locale);
  const today = bureauToday(opts.now);
  const to = q.to ? (parseCalendarDate(q.to) as Date) : today;
  const from = q.from ? (parseCalendarDate(q.from) as Date) : addDays(to, -30);
  const rows = await db.taihuReading.findMany({
    where: { day: { gte: from, lte: to }, point: { active: true, ...(q.pointCode ? { code: q.pointCode } : {}) } },
    include: { point: true },
    orderBy: [{ day: "asc" }, { point: { sortOrder: "asc" } }],
    take: 20_000,
  });
  return rows.map((r) => toReadingDto(r, r.point, thresholdsOf(r.point)));
}
