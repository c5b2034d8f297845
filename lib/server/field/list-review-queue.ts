import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import type { EvidenceDto } from "../../schemas/evidence";
import { evidenceInclude, toEvidenceDto } from "../evidence/evidence-dto";
import { problemScope } from "../problems/scope";

export type ReviewQueueItem = {
  evidence: EvidenceDto;
  problem: { id: string; code: string; title: string; districtName: string; leadUnitName: string };
};

export type ReviewQueue = { items: ReviewQueueItem[]; total: number };

/** Enough for a day's review; the page says when more wait. */
const QUEUE_SIZE = 100;

/**
 * 待审核佐证: current (not superseded) evidence awaiting review across the problems the caller
 * may see, newest first, with the problem it proves.
 */
export async function listReviewQueue(actor: Actor): Promise<ReviewQueue> {
  authorize(actor, "evidence.read");
  const where = { reviewStatus: "PENDING" as const, supersededBy: { is: null }, problem: problemScope(actor) };
  const [total, rows] = await Promise.all([
    db.evidence.count({ where }),
    db.evidence.findMany({
      where,
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
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: QUEUE_SIZE,
    }),
  ]);
  return {
    total,
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
