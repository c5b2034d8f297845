import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ConfirmFakeResultDto, confirmFakeSchema } from "../../schemas/findings";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { findVisibleEvidence } from "../evidence/evidence-dto";
import { notify } from "../notifications/notify";
import { messageText } from "../workflow/workflow-text";
import { findingInclude, findingText, toFindingDto } from "./finding-dto";

/**
 * A coordinator confirms a piece of evidence as suspected fake (确认为虚假材料): a FAKE_EVIDENCE
 * finding on its problem, which the penalty rule for false rectification reads. The evidence is
 * returned (reason code SUSPECTED_FAKE, the uploader told) unless it already is, or a later
 * version superseded it. One standing finding per piece of evidence: a second confirmation → 409.
 * Finding, return and their audit rows commit together.
 */
export async function confirmFakeEvidence(
  actor: Actor,
  evidenceId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ConfirmFakeResultDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "finding.confirmFake");
  const input = parseInput(confirmFakeSchema, raw, locale);
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    await findVisibleEvidence(tx, actor, evidenceId);
    await tx.$queryRaw`SELECT 1 FROM "Evidence" WHERE id = ${evidenceId}::uuid FOR UPDATE`;
    const row = await findVisibleEvidence(tx, actor, evidenceId);
    if (row.findings.length > 0) throw new Conflict(findingText(locale, "refusal.alreadyConfirmed"));

    const returned = row.reviewStatus !== "RETURNED" && !row.supersededBy;
    if (returned) {
      const review = await tx.evidenceReview.create({
        data: {
          evidenceId,
          decision: "RETURNED",
          reasonCode: "SUSPECTED_FAKE",
          reason: input.reason,
          reviewerId: actor.id,
          at: now,
        },
      });
      await tx.evidence.update({
        where: { id: evidenceId },
        data: { reviewStatus: "RETURNED", reviewedAt: now, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Evidence",
        entityId: evidenceId,
        action: "review",
        before: { reviewStatus: row.reviewStatus, version: row.version },
        after: {
          problemId: row.problemId,
          reviewStatus: "RETURNED",
          reasonCode: review.reasonCode,
          reason: review.reason,
          version: row.version + 1,
        },
        requestId: opts.requestId,
      });
    }

    const finding = await tx.rectificationFinding.create({
      data: {
        problemId: row.problemId,
        kind: "FAKE_EVIDENCE",
        evidenceId,
        reason: input.reason,
        establishedById: actor.id,
        establishedAt: now,
      },
      include: findingInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "RectificationFinding",
      entityId: finding.id,
      action: "establish",
      after: {
        problemId: row.problemId,
        kind: finding.kind,
        evidenceId,
        evidenceName: row.originalName,
        reason: finding.reason,
      },
      requestId: opts.requestId,
    });

    const problem = await tx.problem.findUniqueOrThrow({
      where: { id: row.problemId },
      select: { code: true, leadOfficialId: true },
    });
    const recipients = [...new Set([row.uploadedById, ...(problem.leadOfficialId ? [problem.leadOfficialId] : [])])].filter(
      (u) => u !== actor.id,
    );
    await notify(tx, {
      recipients,
      kind: "finding.established",
      problemId: row.problemId,
      link: `/problems/${row.problemId}`,
      dedupeKey: `finding.established:${finding.id}`,
      text: (l) => ({
        title: findingText(l, "notice.fakeTitle", { code: problem.code }),
        body: findingText(l, "notice.fakeBody", {
          actor: actor.displayName,
          kind: messageText(l, `enums.evidenceKind.${row.kind}`),
          name: row.originalName,
          reason: finding.reason,
        }),
      }),
    });
    return { finding: toFindingDto(finding, actor), evidenceId, returned };
  });
}
