import { db } from "../../db";
import { type ChecklistResult, evaluateChecklist } from "../../domain/closure-checklist";
import type { ReviewStatusName } from "../../domain/enums";
import { type Actor, authorize } from "../../permissions";
import type { ProblemDto } from "../../schemas/problem";
import { closureChecklistSetting } from "../closure/closure-checklist-setting";
import { problemInclude, toProblemDto } from "../problems/problem-dto";
import { problemScope } from "../problems/scope";

export const FIELD_FILTERS = ["all", "returned", "missing"] as const;
export type FieldFilter = (typeof FIELD_FILTERS)[number];

/** Counts of a problem's current (not superseded) evidence by review state. */
export type EvidenceCounts = Record<ReviewStatusName, number>;

export type FieldProblem = {
  problem: ProblemDto;
  evidence: EvidenceCounts;
  checklist: ChecklistResult;
};

export type FieldProblemPage = {
  items: FieldProblem[];
  total: number;
  /** How many in scope have returned evidence not yet corrected, and how many still miss closure materials. */
  counts: Record<FieldFilter, number>;
  page: number;
  pageSize: number;
};

const PAGE_SIZE = 30;
/** Far more than one field office holds open; the filters work on evidence state, so the rows are read together. */
const MAX_ROWS = 2000;
/** Closed problems stay on the field list this long (a look-back may follow); older ones are in the ledger. */
const CLOSED_SHOWN_DAYS = 30;

/**
 * 现场取证: the problems a person may see (a field office: its unit's and its district's) that are
 * open or closed within the last 30 days, open ones first by urgency (overdue, then nearest deadline), each with its evidence counts and what
 * its closure checklist still misses. `returned`: problems with returned evidence not yet
 * corrected; `missing`: open problems whose checklist is incomplete.
 */
export async function listFieldProblems(
  actor: Actor,
  opts: { filter?: FieldFilter; page?: number; now?: Date } = {},
): Promise<FieldProblemPage> {
  authorize(actor, "problem.read");
  authorize(actor, "evidence.read");
  const now = opts.now ?? new Date();
  const filter = opts.filter ?? "all";
  const [rows, checklistSetting] = await Promise.all([
    db.problem.findMany({
      where: {
        AND: [
          problemScope(actor),
          {
            OR: [{ status: { not: "CLOSED" } }, { closedAt: { gte: new Date(now.getTime() - CLOSED_SHOWN_DAYS * 86_400_000) } }],
          },
        ],
      },
      include: {
        ...problemInclude,
        evidence: { select: { kind: true, reviewStatus: true, supersededBy: { select: { id: true } } } },
      },
      orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { deadline: { sort: "asc", nulls: "last" } }, { code: "asc" }],
      take: MAX_ROWS,
    }),
    closureChecklistSetting(),
  ]);

  const all: FieldProblem[] = rows.map(({ evidence, ...row }) => {
    const current = evidence.map((e) => ({ kind: e.kind, reviewStatus: e.reviewStatus, superseded: e.supersededBy !== null }));
    const counts: EvidenceCounts = { PENDING: 0, ACCEPTED: 0, RETURNED: 0 };
    for (const e of current) if (!e.superseded) counts[e.reviewStatus] += 1;
    return {
      problem: toProblemDto(row, now),
      evidence: counts,
      checklist: evaluateChecklist(checklistSetting[row.category] ?? [], current),
    };
  });
  // Open first; among open ones the overdue (most days first), then the nearest deadline.
  const rank = (f: FieldProblem) => (f.problem.status === "CLOSED" ? 2 : f.problem.overdue ? 0 : 1);
  all.sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? b.problem.overdueDays - a.problem.overdueDays : 0));

  const open = (f: FieldProblem) => f.problem.status !== "CLOSED";
  const matches: Record<FieldFilter, (f: FieldProblem) => boolean> = {
    all: () => true,
    returned: (f) => f.evidence.RETURNED > 0,
    missing: (f) => open(f) && f.problem.status !== "ONGOING" && f.checklist.missing.length > 0,
  };
  const chosen = all.filter(matches[filter]);
  const page = Math.max(1, Math.min(opts.page ?? 1, Math.ceil(chosen.length / PAGE_SIZE) || 1));
  return {
    items: chosen.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: chosen.length,
    counts: {
      all: all.length,
      returned: all.filter(matches.returned).length,
      missing: all.filter(matches.missing).length,
    },
    page,
    pageSize: PAGE_SIZE,
  };
}
