import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { hazardColour, hazardIsOverdue } from "../../domain/bottom-line";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import type { ColourName } from "../../domain/colour";
import { type Actor, authorize } from "../../permissions";
import { hazardListQuerySchema } from "../../schemas/bottom-line";
import { type Locale, parseInput } from "../../schemas/parse";
import { districtScope } from "../bottom-line/scope";
import { getSettings } from "../settings/get-settings";

export type HazardDto = {
  id: string;
  level: "GENERAL" | "MAJOR" | "SEVERE";
  deadline: string;
  description: string;
  item: string;
  target: string;
  enterpriseId: string | null;
  sweep: { id: string; title: string };
  district: { id: string; name: string };
  createdAt: string;
  overdue: boolean;
  colour: ColourName;
  problem: { id: string; code: string; status: string } | null;
};

/** The most rows one list answers (a sweep of a city finds hundreds, not tens of thousands). */
const LIMIT = 1000;

/**
 * Hazards in the person's scope, earliest deadline first, filtered by sweep, level, district,
 * open (its problem not closed) and overdue (open and past its deadline); each coloured like a problem.
 */
export async function listHazards(
  actor: Actor,
  query: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<{ items: HazardDto[]; total: number }> {
  authorize(actor, "hazard.read");
  const q = parseInput(hazardListQuerySchema, query, opts.locale);
  const today = bureauToday(opts.now);
  const open: Prisma.HazardWhereInput = { OR: [{ problemId: null }, { problem: { status: { not: "CLOSED" } } }] };
  const and: Prisma.HazardWhereInput[] = [districtScope(actor)];
  if (q.sweepId) and.push({ sweepId: q.sweepId });
  if (q.level) and.push({ level: q.level });
  if (q.districtId) and.push({ districtId: q.districtId });
  if (q.open === true || q.overdue === true) and.push(open);
  if (q.open === false) and.push({ problem: { status: "CLOSED" } });
  if (q.overdue === true) and.push({ deadline: { lt: today } });
  if (q.overdue === false) and.push({ NOT: { AND: [open, { deadline: { lt: today } }] } });
  const where = { AND: and };
  const [rows, total, settings] = await Promise.all([
    db.hazard.findMany({
      where,
      include: {
        result: { select: { item: { select: { title: true } } } },
        target: { select: { enterprise: { select: { name: true } }, park: { select: { name: true } } } },
        sweep: { select: { id: true, title: true } },
        district: { select: { id: true, name: true } },
        problem: { select: { id: true, code: true, status: true, colour: true } },
      },
      orderBy: [{ deadline: "asc" }, { createdAt: "asc" }],
      take: LIMIT,
    }),
    db.hazard.count({ where }),
    getSettings(),
  ]);
  return {
    total,
    items: rows.map((h) => ({
      id: h.id,
      level: h.level,
      deadline: formatCalendarDate(h.deadline),
      description: h.description,
      item: h.result.item.title,
      target: h.target.enterprise?.name ?? h.target.park?.name ?? "",
      enterpriseId: h.enterpriseId,
      sweep: h.sweep,
      district: h.district,
      createdAt: h.createdAt.toISOString(),
      overdue: hazardIsOverdue(h, today),
      colour: hazardColour(h, today, settings),
      problem: h.problem ? { id: h.problem.id, code: h.problem.code, status: h.problem.status } : null,
    })),
  };
}
