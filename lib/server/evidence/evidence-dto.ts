import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "../../db";
import type { ReturnReasonName } from "../../domain/enums";
import { hashHex } from "../../domain/photo-hash";
import { NotFound } from "../../errors";
import { type Actor, can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { EvidenceDto } from "../../schemas/evidence";
import type { PhotoSignalDto } from "../../schemas/findings";
import { problemScope } from "../problems/scope";

export const evidenceInclude = {
  uploadedBy: { select: { id: true, displayName: true } },
  supersededBy: { select: { id: true } },
  reviews: {
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 1,
    include: { reviewer: { select: { id: true, displayName: true } } },
  },
  findings: { where: { kind: "FAKE_EVIDENCE", withdrawnAt: null }, select: { id: true }, take: 1 },
} satisfies Prisma.EvidenceInclude;
export type EvidenceRow = Prisma.EvidenceGetPayload<{ include: typeof evidenceInclude }>;

const num = (d: Prisma.Decimal | null): number | null => (d === null ? null : Number(d));

export function toEvidenceDto(e: EvidenceRow, actor: Actor): EvidenceDto {
  const last = e.reviews[0];
  return {
    id: e.id,
    problemId: e.problemId,
    measureId: e.measureId,
    kind: e.kind,
    sha256: e.sha256,
    mime: e.mime,
    size: e.size,
    originalName: e.originalName,
    capturedAt: e.capturedAt?.toISOString() ?? null,
    capturedAtSource: e.capturedAtSource,
    lat: num(e.lat),
    lng: num(e.lng),
    gpsSource: e.gpsSource,
    distanceMeters: e.distanceMeters,
    width: e.width,
    height: e.height,
    uploadedBy: { id: e.uploadedBy.id, displayName: e.uploadedBy.displayName },
    uploadedAt: e.createdAt.toISOString(),
    reviewStatus: e.reviewStatus,
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
    lastReview: last
      ? {
          decision: last.decision,
          reasonCode: last.reasonCode as ReturnReasonName | null,
          reason: last.reason,
          reviewer: { id: last.reviewer.id, displayName: last.reviewer.displayName },
          at: last.at.toISOString(),
        }
      : null,
    supersedesId: e.supersedesId,
    supersededById: e.supersededBy?.id ?? null,
    verifiedAt: e.verifiedAt?.toISOString() ?? null,
    verifiedOk: e.verifiedOk,
    version: e.version,
    fileUrl: `/api/v1/evidence/${e.id}/file`,
    thumbUrl: e.thumbKey ? `/api/v1/evidence/${e.id}/file?variant=thumb` : null,
    canReview: can(actor, "evidence.review") && !e.supersededBy,
    phash: e.phash === null ? null : hashHex(e.phash),
    software: e.software,
    signals: can(actor, "evidence.signals.read") && Array.isArray(e.signals) ? (e.signals as PhotoSignalDto[]) : null,
    fakeFindingId: e.findings[0]?.id ?? null,
    canConfirmFake: can(actor, "finding.confirmFake") && e.findings.length === 0,
    canVerify: can(actor, "evidence.verify"),
  };
}

/** Evidence of a problem the caller may see; unknown or out of scope → 404 alike. */
export async function findVisibleEvidence(tx: Tx, actor: Actor, id: string): Promise<EvidenceRow> {
  if (!isUuid(id)) throw new NotFound("Evidence not found");
  const row = await tx.evidence.findFirst({
    where: { id, problem: problemScope(actor) },
    include: evidenceInclude,
  });
  if (!row) throw new NotFound("Evidence not found");
  return row;
}
