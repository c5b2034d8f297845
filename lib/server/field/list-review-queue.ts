import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { type Actor, authorize, can } from "../../permissions";
import type { EvidenceDto } from "../../schemas/evidence";
import { CURRENT_EVIDENCE_SQL } from "../evidence/current-evidence-sql";
import { evidenceInclude, toEvidenceDto } from "../evidence/evidence-dto";
import { problemScopeSql } from "../problems/scope";

export type ReviewQueueItem = {
  evidence: EvidenceDto;
  problem: { id: string; code: string; title: string; districtName: string; leadUnitName: string };
};

export type ReviewQueue = {
  items: ReviewQueueItem[];
  total: number;
  /** Of all awaiting review, how many carry signals of false rectification (有疑点). */
  suspect: number;
};

/** Enough for a day's review; the page says when more wait. */
const QUEUE_SIZE = 100;

/**
 * 待审核佐证: current (not superseded) evidence awaiting review across the problems the caller
 * may see, newest first, with the problem it proves. `suspect`: only those with signals of false
 * rectification (有疑点), for the roles that may see the signals.
 */
export async function listReviewQueue(actor: Actor, opts: { suspect?: boolean } = {}): Promise<ReviewQueue> {
  authorize(actor, "evidence.read");
  // The newest ids and the count in SQL, then the page's rows read whole.
  const pending = Prisma.sql`
    FROM "Evidence" e JOIN "Problem" p ON p.id = e."problemId"
   WHERE e."reviewStatus" = 'PENDING'
     AND ${CURRENT_EVIDENCE_SQL}
     AND ${problemScopeSql(actor)}`;
  const signals = can(actor, "evidence.signals.read");
  const shown = opts.suspect && signals ? Prisma.sql`${pending} AND e.suspect` : pending;
  const [newest, [count]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT e.id ${shown} ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${QUEUE_SIZE}`,
    db.$queryRaw<{ n: number; suspect: number }[]>`
      SELECT count(*)::int AS n, (count(*) FILTER (WHERE e.suspect))::int AS suspect ${pending}`,
  ]);
  const found = await db.evidence.findMany({
    where: { id: { in: newest.map((r) => r.id) } },
    include: {
      ...evidenceInclude,
      problem: {
        select: {
          id: true,
          code: true,
          title: true,
          district: { select: { name: true } },
          leadUnit: { select: { name: true } },
        },
      },
    },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = newest.flatMap((r) => byId.get(r.id) ?? []);
  const total = count?.n ?? 0;
  return {
    total,
    suspect: signals ? (count?.suspect ?? 0) : 0,
    items: rows.map(({ problem, ...row }) => ({
      evidence: toEvidenceDto(row, actor),
      problem: {
        id: problem.id,
        code: problem.code,
        title: problem.title,
        districtName: problem.district.name,
        leadUnitName: problem.leadUnit.name,
      },
    })),
  };
}
