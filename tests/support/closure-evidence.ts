import { randomBytes } from "node:crypto";
import type { Evidence } from "@prisma/client";
import { db } from "@/lib/db";
import type { EvidenceKindName, ReviewStatusName } from "@/lib/domain/enums";
import { closureChecklistSetting } from "@/lib/server/closure/closure-checklist-setting";

/**
 * Evidence rows as the closure checklist reads them (kind, review state, supersession). The bytes
 * are not stored: the hash and storage key are made up, which the checklist never looks at.
 */
export async function addEvidence(
  problemId: string,
  uploadedById: string,
  kind: EvidenceKindName,
  reviewStatus: ReviewStatusName = "ACCEPTED",
  supersedesId?: string,
): Promise<Evidence> {
  const sha256 = randomBytes(32).toString("hex");
  return db.evidence.create({
    data: {
      problemId,
      uploadedById,
      kind,
      reviewStatus,
      supersedesId: supersedesId ?? null,
      sha256,
      mime: kind.endsWith("PHOTO") ? "image/jpeg" : "application/pdf",
      size: 1024,
      originalName: `${kind.toLowerCase()}.${kind.endsWith("PHOTO") ? "jpg" : "pdf"}`,
      storage: "LOCAL",
      storageKey: `test/${sha256}`,
      reviewedAt: reviewStatus === "PENDING" ? null : new Date(),
    },
  });
}

/** One item of every kind the problem's category requires now, in the given review state. */
export async function completeChecklist(
  problemId: string,
  uploadedById: string,
  reviewStatus: ReviewStatusName = "ACCEPTED",
): Promise<Evidence[]> {
  const problem = await db.problem.findUniqueOrThrow({ where: { id: problemId }, select: { category: true } });
  const required = (await closureChecklistSetting())[problem.category];
  const out: Evidence[] = [];
  for (const kind of required) out.push(await addEvidence(problemId, uploadedById, kind, reviewStatus));
  return out;
}
