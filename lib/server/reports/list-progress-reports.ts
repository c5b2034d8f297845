import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { type ProgressReportPage, progressReportListQuerySchema } from "../../schemas/report";
import { problemScope } from "../problems/scope";
import { progressReportInclude, toProgressReportDto } from "./report-dto";

/** The progress reports of a visible problem, newest first, paged. */
export async function listProgressReports(
  actor: Actor,
  problemId: string,
  rawQuery: unknown = {},
  opts: { locale?: Locale } = {},
): Promise<ProgressReportPage> {
  authorize(actor, "problem.read");
  const query = parseInput(progressReportListQuerySchema, rawQuery, opts.locale);
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const visible = await db.problem.findFirst({ where: { AND: [{ id: problemId }, problemScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFound("Problem not found");
  const where = { problemId };
  const [total, rows] = await Promise.all([
    db.progressReport.count({ where }),
    db.progressReport.findMany({
      where,
      include: progressReportInclude,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: rows.map(toProgressReportDto), total, page: query.page, pageSize: query.pageSize };
}
