import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { clueListQuerySchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { CLUE_INCLUDE, clueDto } from "./clue-dto";
import { clueScope } from "./scope";

const PAGE_SIZE = 50;

/** `GET /api/v1/clues?status=&rule=&districtId=&enterpriseId=&page=`: newest first, in the caller's scope, with counts by status. */
export async function listClues(actor: Actor, raw: unknown, opts: { locale?: Locale } = {}) {
  authorize(actor, "clue.read");
  const q = parseInput(clueListQuerySchema, raw, opts.locale);
  const base = {
    AND: [
      clueScope(actor),
      q.rule ? { rule: q.rule } : {},
      q.districtId ? { districtId: q.districtId } : {},
      q.enterpriseId ? { series: { outlet: { enterpriseId: q.enterpriseId } } } : {},
    ],
  };
  const where = { AND: [base, q.status ? { status: q.status } : {}] };
  const page = q.page ?? 1;
  const [rows, total, byStatus] = await Promise.all([
    db.clue.findMany({
      where,
      include: CLUE_INCLUDE,
      orderBy: [{ windowStart: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.clue.count({ where }),
    db.clue.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  return {
    items: rows.map(clueDto),
    total,
    page,
    pageSize: PAGE_SIZE,
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<string, number>>,
  };
}
