import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, daysBetween, formatCalendarDate } from "../../domain/calendar";
import type { PublicNoticeDto } from "../../schemas/closure";

/** How many notices the public page lists at most (a city has a handful in notice at a time). */
const MAX_NOTICES = 200;

/**
 * The problems now in public notice (公示), for anyone, without sign-in: an open notice whose
 * period has started, on a problem in PUBLIC_NOTICE. Only public fields are selected — no people,
 * staff phones, evidence, colours or internal remarks — so nothing else can leak through here.
 */
export async function listPublicNotices(opts: { now?: Date } = {}): Promise<PublicNoticeDto[]> {
  const today = bureauToday(opts.now ?? clockNow());
  const rows = await db.publicNotice.findMany({
    where: { status: "OPEN", startsOn: { lte: today }, problem: { status: "PUBLIC_NOTICE" } },
    orderBy: [{ endsOn: "asc" }, { id: "asc" }],
    take: MAX_NOTICES,
    select: {
      id: true,
      startsOn: true,
      endsOn: true,
      phone: true,
      email: true,
      summary: true,
      problem: {
        select: {
          code: true,
          title: true,
          category: true,
          target: true,
          district: { select: { name: true, nameEn: true } },
          measures: { orderBy: { seq: "asc" }, select: { seq: true, description: true, status: true } },
        },
      },
    },
  });
  return rows.map((n) => ({
    noticeId: n.id,
    code: n.problem.code,
    title: n.problem.title,
    districtName: n.problem.district.name,
    districtNameEn: n.problem.district.nameEn,
    category: n.problem.category,
    target: n.problem.target,
    measures: n.problem.measures.map((m) => ({ seq: m.seq, description: m.description, done: m.status === "DONE" })),
    summary: n.summary,
    startsOn: formatCalendarDate(n.startsOn),
    endsOn: formatCalendarDate(n.endsOn),
    daysLeft: Math.max(0, daysBetween(today, n.endsOn)),
    phone: n.phone,
    email: n.email,
  }));
}
