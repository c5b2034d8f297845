import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type ProblemDto, type ProblemListQuery, problemListQuerySchema } from "../../schemas/problem";
import { getSettings } from "../settings/get-settings";
import { withOpenMeasures } from "./colour-reason";
import { problemInclude, toProblemDto } from "./problem-dto";
import { problemScope } from "./scope";

const SORTS: Record<string, Prisma.ProblemOrderByWithRelationInput[]> = {
  // Open problems first (no closing time), the most pressing deadline on top; closed ones after, latest first.
  urgency: [{ closedAt: { sort: "desc", nulls: "first" } }, { deadline: { sort: "asc", nulls: "last" } }],
  deadline: [{ deadline: { sort: "asc", nulls: "last" } }],
  "-deadline": [{ deadline: { sort: "desc", nulls: "last" } }],
  code: [{ code: "asc" }],
  "-code": [{ code: "desc" }],
  updatedAt: [{ updatedAt: "asc" }],
  "-updatedAt": [{ updatedAt: "desc" }],
  createdAt: [{ createdAt: "asc" }],
  "-createdAt": [{ createdAt: "desc" }],
  progress: [{ progress: "asc" }],
  "-progress": [{ progress: "desc" }],
  district: [{ district: { code: "asc" } }],
  "-district": [{ district: { code: "desc" } }],
};

export function overdueWhere(today: Date): Prisma.ProblemWhereInput {
  return { deadline: { lt: today }, status: { notIn: ["CLOSED", "ONGOING"] } };
}

export function problemFilterWhere(q: ProblemListQuery, now: Date): Prisma.ProblemWhereInput {
  const and: Prisma.ProblemWhereInput[] = [];
  if (q.districtCode) and.push({ district: { code: q.districtCode } });
  if (q.status) and.push({ status: q.status });
  if (q.source) and.push({ source: q.source });
  if (q.category) and.push({ category: q.category });
  if (q.leadOfficialId) and.push({ leadOfficialId: q.leadOfficialId });
  if (q.leadUnitId) and.push({ leadUnitId: q.leadUnitId });
  if (q.deadlineBand) and.push({ deadlineBand: q.deadlineBand });
  if (q.colour?.length) and.push({ colour: { in: q.colour } });
  if (q.overdue !== undefined) {
    const overdue = overdueWhere(bureauToday(now));
    and.push(q.overdue ? overdue : { NOT: overdue });
  }
  if (q.q) {
    // Prisma passes the text into LIKE as is; escape its wildcards so "%" or "_" find themselves.
    // Case folding (ILIKE) costs 4× a plain LIKE on Chinese text and changes nothing there, so it
    // is used only when the search has letters that have a case (e.g. a code typed as "wx-2026").
    const hasCase = q.q.toLowerCase() !== q.q.toUpperCase();
    const contains = {
      contains: q.q.replace(/[\\%_]/g, "\\$&"),
      mode: hasCase ? ("insensitive" as const) : ("default" as const),
    };
    and.push({
      OR: [
        { code: contains },
        { title: contains },
        { description: contains },
        { locationText: contains },
        { responsiblePerson: contains },
      ],
    });
  }
  return { AND: and };
}

export type ProblemPage = { items: ProblemDto[]; total: number; page: number; pageSize: number };

/** The ledger: filtered, searched, sorted and paged, limited to what the caller may see. */
export async function listProblems(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<ProblemPage> {
  authorize(actor, "problem.read");
  const query = parseInput(problemListQuerySchema, rawQuery, opts.locale);
  const now = opts.now ?? clockNow();
  const where: Prisma.ProblemWhereInput = { AND: [problemScope(actor), problemFilterWhere(query, now)] };
  const [total, rows, settings] = await Promise.all([
    db.problem.count({ where }),
    db.problem
      .findMany({
        where,
        include: problemInclude,
        orderBy: [...(SORTS[query.sort] ?? []), { code: "asc" }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      })
      .then((page) => withOpenMeasures(page)),
    getSettings(),
  ]);
  return {
    items: rows.map((r) => toProblemDto(r, now, { settings, locale: opts.locale })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
