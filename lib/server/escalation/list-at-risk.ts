import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { overdueDays } from "../../domain/problem-rules";
import { type Actor, authorize } from "../../permissions";
import { type AtRiskPage, atRiskQuerySchema } from "../../schemas/notification";
import { type Locale, parseInput } from "../../schemas/parse";
import { colourReasonOf, withOpenMeasures } from "../problems/colour-reason";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";

/**
 * Open problems under a red notice (红牌督办) or graded RED: the ones the bureau may be publicly
 * named for. A red notice counts while the problem still runs against its deadline.
 */
export function atRiskWhere(): Prisma.ProblemWhereInput {
  return {
    status: { not: "CLOSED" },
    OR: [{ escalation: "RED", status: { not: "ONGOING" } }, { colour: "RED" }],
  };
}

/**
 * The leaders' "at risk of being named" list (可能被通报), within the caller's data scope: red
 * notices first, then the longest overdue.
 */
export async function listAtRisk(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<AtRiskPage> {
  authorize(actor, "problem.read");
  const query = parseInput(atRiskQuerySchema, rawQuery, opts.locale);
  const today = bureauToday(opts.now ?? clockNow());
  const where: Prisma.ProblemWhereInput = { AND: [problemScope(actor), atRiskWhere()] };
  const [total, rows, settings] = await Promise.all([
    db.problem.count({ where }),
    db.problem
      .findMany({
        where,
        include: {
          district: { select: { code: true, name: true } },
          leadUnit: { select: { name: true } },
          leadOfficial: { select: { displayName: true } },
        },
        orderBy: [{ escalation: "desc" }, { deadline: { sort: "asc", nulls: "last" } }, { code: "asc" }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      })
      .then((page) => withOpenMeasures(page)),
    getSettings(),
  ]);
  return {
    items: rows.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      status: p.status,
      districtCode: p.district.code,
      districtName: p.district.name,
      leadUnitId: p.leadUnitId,
      leadUnitName: p.leadUnit.name,
      leadOfficialId: p.leadOfficialId,
      leadOfficialName: p.leadOfficial?.displayName ?? null,
      deadline: p.deadline ? formatCalendarDate(p.deadline) : null,
      originalDeadline: p.originalDeadline ? formatCalendarDate(p.originalDeadline) : null,
      overdueDays: overdueDays(p, today),
      progress: p.progress,
      colour: p.colour,
      colourReason: colourReasonOf(p, today, settings),
      escalation: p.escalation,
      extensionCount: p.extensionCount,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
