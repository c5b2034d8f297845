import "server-only";
import { db } from "../../db";

export type EstablishedFinding = {
  id: string;
  problemId: string;
  problemCode: string;
  districtId: string | null;
  kind: "FAKE_EVIDENCE" | "PERFUNCTORY";
  evidenceId: string | null;
  reason: string;
  establishedAt: Date;
};

/**
 * The findings of perfunctory or false rectification established in [from, to) and not withdrawn
 * before `to`: the only source of the penalty rule for problems rectified perfunctorily or
 * falsely (a failed acceptance alone never is one). No scope: penalties are evaluated city-wide.
 */
export async function listEstablishedFindings(from: Date, to: Date): Promise<EstablishedFinding[]> {
  const rows = await db.rectificationFinding.findMany({
    where: {
      establishedAt: { gte: from, lt: to },
      OR: [{ withdrawnAt: null }, { withdrawnAt: { gte: to } }],
    },
    orderBy: { establishedAt: "asc" },
    select: {
      id: true,
      problemId: true,
      kind: true,
      evidenceId: true,
      reason: true,
      establishedAt: true,
      problem: { select: { code: true, districtId: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    problemId: r.problemId,
    problemCode: r.problem.code,
    districtId: r.problem.districtId,
    kind: r.kind,
    evidenceId: r.evidenceId,
    reason: r.reason,
    establishedAt: r.establishedAt,
  }));
}
