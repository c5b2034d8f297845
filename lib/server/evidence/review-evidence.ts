import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type EvidenceDto, evidenceReviewSchema } from "../../schemas/evidence";
import type { Locale } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { notify } from "../notifications/notify";
import { messageText } from "../workflow/workflow-text";
import { evidenceInclude, findVisibleEvidence, toEvidenceDto } from "./evidence-dto";
import { evidenceText, parseEvidenceInput } from "./evidence-text";

/**
 * A coordinator accepts or returns a visible, current piece of evidence. `version` must match
 * (else 409 with the current record); a return needs a reason code and a reason, which are kept
 * (counted in the review statistics) and sent to the uploader.
 */
export async function reviewEvidence(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<EvidenceDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "evidence.review");
  const input = parseEvidenceInput(evidenceReviewSchema, raw, locale);
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    await findVisibleEvidence(tx, actor, id);
    await tx.$queryRaw`SELECT 1 FROM "Evidence" WHERE id = ${id}::uuid FOR UPDATE`;
    const row = await findVisibleEvidence(tx, actor, id);
    if (row.version !== input.version) {
      throw new Conflict(evidenceText(locale, "refusal.staleVersion"), toEvidenceDto(row, actor));
    }
    if (row.supersededBy) {
      throw new Invalid(
        { _: [evidenceText(locale, "refusal.reviewSuperseded")] },
        evidenceText(locale, "refusal.reviewSuperseded"),
      );
    }
    const returned = input.decision === "RETURNED";
    const review = await tx.evidenceReview.create({
      data: {
        evidenceId: id,
        decision: input.decision,
        reasonCode: returned ? (input.reasonCode ?? null) : null,
        reason: input.reason ?? null,
        reviewerId: actor.id,
        at: now,
      },
    });
    await tx.evidence.update({
      where: { id },
      data: { reviewStatus: input.decision, reviewedAt: now, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Evidence",
      entityId: id,
      action: "review",
      before: { reviewStatus: row.reviewStatus, version: row.version },
      after: {
        problemId: row.problemId,
        reviewStatus: input.decision,
        reasonCode: review.reasonCode,
        reason: review.reason,
        version: row.version + 1,
      },
      requestId: opts.requestId,
    });
    if (returned && row.uploadedById !== actor.id) {
      const problem = await tx.problem.findUniqueOrThrow({ where: { id: row.problemId }, select: { code: true } });
      await notify(tx, {
        recipients: [row.uploadedById],
        kind: "evidence.returned",
        problemId: row.problemId,
        link: `/problems/${row.problemId}`,
        dedupeKey: `evidence.returned:${review.id}`,
        text: (l) => ({
          title: evidenceText(l, "notice.returnedTitle", { code: problem.code }),
          body: evidenceText(l, "notice.returnedBody", {
            reviewer: actor.displayName,
            kind: messageText(l, `enums.evidenceKind.${row.kind}`),
            name: row.originalName,
            code: problem.code,
            reasonLabel: messageText(l, `enums.returnReason.${review.reasonCode ?? "OTHER"}`),
            reason: review.reason ?? "",
          }),
        }),
      });
    }
    const after = await tx.evidence.findUniqueOrThrow({ where: { id }, include: evidenceInclude });
    return toEvidenceDto(after, actor);
  });
}
