import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ClosureDto, lookbackInputSchema } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { applyTransition } from "../workflow/apply-transition";
import { decideStep, loadStepProblem } from "./closure-step";
import { getClosure } from "./get-closure";

/**
 * A look-back (回头看) found that a closed problem relapsed: the coordinator reopens it with the
 * finding as the reason. The problem goes back to rectification with the relapse flag set; its
 * latest closure stays on record, marked reopened (when, by whom, why).
 */
export async function reopenProblem(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosureDto> {
  authorize(actor, "workflow.transition");
  const locale = opts.locale ?? "en";
  const input = parseInput(lookbackInputSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  await db.$transaction(async (tx) => {
    const loaded = await loadStepProblem(tx, actor, id, input.version, now, locale);
    const decision = decideStep(loaded, "LOOKBACK_REOPEN", actor, input.reason, locale, { action: "action", comment: "reason" });
    await applyTransition(tx, {
      locale,
      problem: loaded.problem,
      decision,
      actor,
      comment: input.reason,
      now,
      requestId: opts.requestId,
    });
    const closure = await tx.problemClosure.findFirst({
      where: { problemId: id, reopenedAt: null },
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (!closure) return;
    await tx.problemClosure.update({
      where: { id: closure.id },
      data: { reopenedAt: now, reopenedById: actor.id, reopenReason: input.reason },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ProblemClosure",
      entityId: closure.id,
      action: "reopen",
      before: { reopenedAt: null },
      after: { reopenedAt: now, reopenedById: actor.id, reopenReason: input.reason },
      requestId: opts.requestId,
    });
  });
  return getClosure(actor, id, { now });
}
