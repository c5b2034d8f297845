import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { type ChecklistResult, evaluateChecklist } from "../../domain/closure-checklist";
import type { EvidenceKindName, ProblemCategoryName, ProblemStatusName, ReviewStatusName } from "../../domain/enums";
import { overdueDays } from "../../domain/problem-rules";
import { type Actor, authorize } from "../../permissions";
import type { ProblemDto } from "../../schemas/problem";
import { closureChecklistSetting } from "../closure/closure-checklist-setting";
import { CURRENT_EVIDENCE_SQL } from "../evidence/current-evidence-sql";
import { problemInclude, toProblemDto } from "../problems/problem-dto";
import { problemScopeSql } from "../problems/scope";

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
/** Closed problems stay on the field list this long (a look-back may follow); older ones are in the ledger. */
const CLOSED_SHOWN_DAYS = 30;

type Candidate = {
  id: string;
  category: ProblemCategoryName;
  status: ProblemStatusName;
  deadline: Date | null;
  closedAt: Date | null;
  code: string;
  /** The problem's current evidence as `KIND:REVIEW_STATUS`, one entry per item. */
  states: string[];
};

/**
 * 现场取证: the problems a person may see (a field office: its unit's and its district's) that are
 * open or closed within the last 30 days, open ones first by urgency (overdue, most days first,
 * then the nearest deadline), each with its evidence counts and what its closure checklist still
 * misses. `returned`: problems with returned evidence not yet corrected; `missing`: open problems
 * whose checklist is incomplete. The evidence state of every candidate is gathered in one query;
 * only the page's problems are then read whole.
 */
export async function listFieldProblems(
  actor: Actor,
  opts: { filter?: FieldFilter; page?: number; now?: Date } = {},
): Promise<FieldProblemPage> {
  authorize(actor, "problem.read");
  authorize(actor, "evidence.read");
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const filter = opts.filter ?? "all";
  const closedSince = new Date(now.getTime() - CLOSED_SHOWN_DAYS * 86_400_000);
  const [candidates, checklistSetting] = await Promise.all([
    // Current evidence only (an item a correction superseded no longer counts), as "KIND:STATE" per problem.
    db.$queryRaw<Candidate[]>`
      WITH s AS (
        SELECT p.id, p.code, p.category, p.status, p.deadline, p."closedAt"
          FROM "Problem" p
         WHERE ${problemScopeSql(actor)} AND (p.status <> 'CLOSED' OR p."closedAt" >= ${closedSince})
      ), cur AS (
        SELECT e."problemId", e.kind::text || ':' || e."reviewStatus"::text AS state
          FROM "Evidence" e JOIN s ON s.id = e."problemId"
         WHERE ${CURRENT_EVIDENCE_SQL}
      )
      SELECT s.id, s.code, s.category::text AS category, s.status::text AS status, s.deadline, s."closedAt",
             array_remove(array_agg(cur.state), NULL) AS states
        FROM s LEFT JOIN cur ON cur."problemId" = s.id
       GROUP BY s.id, s.code, s.category, s.status, s.deadline, s."closedAt"`,
    closureChecklistSetting(),
  ]);

  const all = candidates.map((c) => {
    const current = c.states.map((state) => {
      const [kind, reviewStatus] = state.split(":") as [EvidenceKindName, ReviewStatusName];
      return { kind, reviewStatus, superseded: false };
    });
    const counts: EvidenceCounts = { PENDING: 0, ACCEPTED: 0, RETURNED: 0 };
    for (const e of current) counts[e.reviewStatus] += 1;
    return {
      c,
      overdueDays: overdueDays(c, today),
      evidence: counts,
      checklist: evaluateChecklist(checklistSetting[c.category] ?? [], current),
    };
  });
  type Scored = (typeof all)[number];
  // Open first; among open ones the overdue (most days first), then the nearest deadline; closed ones latest first.
  const rank = (f: Scored) => (f.c.status === "CLOSED" ? 2 : f.overdueDays > 0 ? 0 : 1);
  const deadline = (f: Scored) => f.c.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  all.sort(
    (a, b) => rank(a) - rank(b) || b.overdueDays - a.overdueDays || deadline(a) - deadline(b) || a.c.code.localeCompare(b.c.code),
  );

  const open = (f: Scored) => f.c.status !== "CLOSED";
  const matches: Record<FieldFilter, (f: Scored) => boolean> = {
    all: () => true,
    returned: (f) => f.evidence.RETURNED > 0,
    missing: (f) => open(f) && f.c.status !== "ONGOING" && f.checklist.missing.length > 0,
  };
  const chosen = all.filter(matches[filter]);
  const page = Math.max(1, Math.min(opts.page ?? 1, Math.ceil(chosen.length / PAGE_SIZE) || 1));
  const onPage = chosen.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const rows = await db.problem.findMany({ where: { id: { in: onPage.map((f) => f.c.id) } }, include: problemInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: onPage.flatMap((f) => {
      const row = byId.get(f.c.id);
      return row ? [{ problem: toProblemDto(row, now), evidence: f.evidence, checklist: f.checklist }] : [];
    }),
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
