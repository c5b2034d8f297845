import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { plannedPercent } from "../../domain/colour";
import { isOverdue, overdueDays } from "../../domain/problem-rules";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type Timeline, type TimelineQuery, timelineQuerySchema } from "../../schemas/timeline";
import { problemScope } from "../problems/scope";

const timelineInclude = {
  district: { select: { code: true, name: true, nameEn: true } },
  leadUnit: { select: { name: true, nameEn: true } },
  leadOfficial: { select: { displayName: true } },
  measures: {
    orderBy: { seq: "asc" },
    select: {
      id: true,
      seq: true,
      description: true,
      milestone: true,
      percent: true,
      status: true,
      ownerUnit: { select: { name: true, nameEn: true } },
    },
  },
} satisfies Prisma.ProblemInclude;

function timelineWhere(q: TimelineQuery): Prisma.ProblemWhereInput {
  const and: Prisma.ProblemWhereInput[] = [q.status ? { status: q.status } : { status: { not: "CLOSED" } }];
  if (q.districtCode) and.push({ district: { code: q.districtCode } });
  if (q.leadUnitId) and.push({ leadUnitId: q.leadUnitId });
  if (q.leadOfficialId) and.push({ leadOfficialId: q.leadOfficialId });
  if (q.colour) and.push({ colour: q.colour });
  return { AND: and };
}

/**
 * The timeline board (挂图作战): a filtered set of problems within the caller's scope, each with
 * its start, deadline (and the original one when extended), colour, planned pace and measures on
 * their milestones. The most pressing deadlines come first; at most `limit` problems (≤ 200).
 */
export async function getTimeline(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<Timeline> {
  authorize(actor, "problem.read");
  const query = parseInput(timelineQuerySchema, rawQuery, opts.locale);
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const en = opts.locale === "en";
  const where: Prisma.ProblemWhereInput = { AND: [problemScope(actor), timelineWhere(query)] };
  const [total, rows] = await Promise.all([
    db.problem.count({ where }),
    db.problem.findMany({
      where,
      include: timelineInclude,
      orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { code: "asc" }],
      take: query.limit,
    }),
  ]);
  const name = (x: { name: string; nameEn: string }) => (en && x.nameEn ? x.nameEn : x.name);
  return {
    today: formatCalendarDate(today),
    total,
    truncated: total > rows.length,
    items: rows.map((p) => {
      const open = p.status !== "CLOSED" && p.status !== "ONGOING";
      return {
        id: p.id,
        code: p.code,
        title: p.title,
        status: p.status,
        colour: p.colour,
        districtCode: p.district.code,
        districtName: name(p.district),
        leadUnitId: p.leadUnitId,
        leadUnitName: name(p.leadUnit),
        leadOfficialName: p.leadOfficial?.displayName ?? null,
        start: formatCalendarDate(bureauToday(p.assignedAt ?? p.createdAt)),
        deadline: p.deadline ? formatCalendarDate(p.deadline) : null,
        originalDeadline: p.originalDeadline ? formatCalendarDate(p.originalDeadline) : null,
        extensionCount: p.extensionCount,
        progress: p.progress,
        plannedPercent: open ? plannedPercent(p.assignedAt, p.deadline, today) : null,
        overdue: isOverdue(p, today),
        overdueDays: overdueDays(p, today),
        measures: p.measures.map((m) => ({
          id: m.id,
          seq: m.seq,
          description: m.description,
          ownerUnitName: m.ownerUnit ? name(m.ownerUnit) : null,
          milestone: m.milestone ? formatCalendarDate(m.milestone) : null,
          percent: m.percent,
          status: m.status,
          late: m.status !== "DONE" && m.milestone !== null && m.milestone.getTime() < today.getTime(),
        })),
      };
    }),
  };
}
