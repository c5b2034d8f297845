import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { REPORT_DUTY_STATUSES, reportStanding } from "../../domain/reporting";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type LateReporterDto, lateReportersQuerySchema } from "../../schemas/report";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";

/**
 * Lead units behind on their periodic progress reports (see `reportStanding`). The lead unit
 * answers for the problem being reported on: a report filed by a co-operating unit, or entered by
 * the inspection office from a paper submission, counts for it too. Limited to the problems the
 * caller may see; worst first — most late problems, then the longest delay. `now` is injectable
 * so the rule can be checked across a cycle.
 */
export async function listLateReporters(
  actor: Actor,
  rawQuery: unknown = {},
  opts: { locale?: Locale; now?: Date } = {},
): Promise<LateReporterDto[]> {
  authorize(actor, "problem.read");
  const query = parseInput(lateReportersQuerySchema, rawQuery, opts.locale);
  const today = bureauToday(opts.now ?? clockNow());
  const settings = await getSettings();

  const where: Prisma.ProblemWhereInput = {
    AND: [
      problemScope(actor),
      { status: { in: [...REPORT_DUTY_STATUSES] } },
      query.districtCode ? { district: { code: query.districtCode } } : {},
    ],
  };
  const problems = await db.problem.findMany({
    where,
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      assignedAt: true,
      createdAt: true,
      leadUnitId: true,
      leadUnit: { select: { name: true, code: true } },
    },
  });
  if (problems.length === 0) return [];

  // The latest report on each of these problems, in one grouped query (the ids travel as one array).
  const ids = problems.map((p) => p.id);
  const latest = await db.$queryRaw<{ problemId: string; lastAt: Date }[]>`
    SELECT "problemId"::text AS "problemId", max("createdAt") AS "lastAt"
    FROM "ProgressReport"
    WHERE "problemId" = ANY(${ids}::uuid[])
    GROUP BY "problemId"`;
  const lastReportAt = new Map(latest.map((row) => [row.problemId, row.lastAt]));

  const units = new Map<string, { unitId: string; unitName: string; unitCode: string; problems: LateReporterDto["problems"] }>();
  for (const p of problems) {
    const last = lastReportAt.get(p.id) ?? null;
    const standing = reportStanding(
      { status: p.status, assignedAt: p.assignedAt, createdAt: p.createdAt, lastReportAt: last },
      today,
      settings,
    );
    if (!standing?.late) continue;
    const unit = units.get(p.leadUnitId) ?? {
      unitId: p.leadUnitId,
      unitName: p.leadUnit.name,
      unitCode: p.leadUnit.code,
      problems: [],
    };
    unit.problems.push({
      id: p.id,
      code: p.code,
      title: p.title,
      lastReportAt: last?.toISOString() ?? null,
      dueOn: formatCalendarDate(standing.dueOn),
      daysLate: standing.daysLate,
    });
    units.set(p.leadUnitId, unit);
  }

  const worst = (u: { problems: { daysLate: number }[] }) => Math.max(...u.problems.map((p) => p.daysLate));
  return [...units.values()]
    .map((u) => ({ ...u, problems: u.problems.sort((a, b) => b.daysLate - a.daysLate || a.code.localeCompare(b.code)) }))
    .sort((a, b) => b.problems.length - a.problems.length || worst(b) - worst(a) || a.unitCode.localeCompare(b.unitCode))
    .map(({ unitCode: _code, ...u }) => u);
}
