import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type FindingDto, withdrawFindingSchema } from "../../schemas/findings";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { problemScope } from "../problems/scope";
import { findingInclude, findingText, toFindingDto } from "./finding-dto";

/**
 * A leader withdraws a finding (撤销认定) with a reason: from then on it no longer counts for the
 * penalty rule. The record stays, with who withdrew it, when and why. Withdrawing twice → 409.
 * The evidence's return is not undone: the uploader may submit it again.
 */
export async function withdrawFinding(
  actor: Actor,
  findingId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<FindingDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "finding.withdraw");
  if (!isUuid(findingId)) throw new NotFound("Finding not found");
  const input = parseInput(withdrawFindingSchema, raw, locale);
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    const visible = await tx.rectificationFinding.findFirst({
      where: { id: findingId, problem: problemScope(actor) },
      select: { id: true },
    });
    if (!visible) throw new NotFound("Finding not found");
    await tx.$queryRaw`SELECT 1 FROM "RectificationFinding" WHERE id = ${findingId}::uuid FOR UPDATE`;
    const current = await tx.rectificationFinding.findUniqueOrThrow({ where: { id: findingId } });
    if (current.withdrawnAt) throw new Conflict(findingText(locale, "refusal.alreadyWithdrawn"));
    const finding = await tx.rectificationFinding.update({
      where: { id: findingId },
      data: { withdrawnAt: now, withdrawnById: actor.id, withdrawReason: input.reason },
      include: findingInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "RectificationFinding",
      entityId: findingId,
      action: "withdraw",
      before: { withdrawnAt: null },
      after: { problemId: finding.problemId, kind: finding.kind, evidenceId: finding.evidenceId, withdrawReason: input.reason },
      requestId: opts.requestId,
    });
    return toFindingDto(finding, actor);
  });
}
