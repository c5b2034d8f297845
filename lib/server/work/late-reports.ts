import "server-only";
import { db } from "../../db";
import { WORK_SECTION_MAX } from "../../schemas/work";
import { withOpenMeasures } from "../problems/colour-reason";
import { listLateReporters } from "../reports/list-late-reporters";
import { problemLink, toWorkProblem, type WorkContext, workProblemSelect } from "./work-problem";

/**
 * The "reports missing" section of My work: the late reporters (`listLateReporters`, already
 * limited to the caller's scope), only those of `unitId` when given, one item per problem owed,
 * longest delay first.
 */
export async function lateReportsFor(ctx: WorkContext, filter: { unitId?: string }) {
  const reporters = await listLateReporters(ctx.actor, {}, { locale: ctx.locale, now: ctx.now });
  const owed = reporters
    .filter((r) => filter.unitId === undefined || r.unitId === filter.unitId)
    .flatMap((r) => r.problems.map((p) => ({ unitId: r.unitId, unitName: r.unitName, ...p })))
    .sort((a, b) => b.daysLate - a.daysLate || a.code.localeCompare(b.code));
  const shown = owed.slice(0, WORK_SECTION_MAX);
  const problems = await withOpenMeasures(
    await db.problem.findMany({ where: { id: { in: shown.map((o) => o.id) } }, select: workProblemSelect }),
  );
  const byId = new Map(problems.map((p) => [p.id, p]));
  return {
    total: owed.length,
    items: shown.flatMap((o) => {
      const problem = byId.get(o.id);
      if (!problem) return [];
      return [
        {
          unitId: o.unitId,
          unitName: o.unitName,
          lastReportAt: o.lastReportAt,
          dueOn: o.dueOn,
          daysLate: o.daysLate,
          problem: toWorkProblem(problem, ctx.today, ctx.locale, ctx.settings),
          link: problemLink(o.id, "s-reports"),
        },
      ];
    }),
  };
}
