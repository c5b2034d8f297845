import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ClosureDto, objectionDecisionSchema } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { problemScope } from "../problems/scope";
import { applyTransition } from "../workflow/apply-transition";
import { messageText } from "../workflow/workflow-text";
import { decideStep, loadStepProblem } from "./closure-step";
import { getClosure } from "./get-closure";

/**
 * The coordinator handles an objection raised during a public notice, with a note. UPHOLD: the
 * notice is withdrawn and the problem goes back to acceptance (the note is the reason). DISMISS:
 * the objection is recorded as dismissed and the notice runs on. `version` is the problem's: the
 * coordinator decides on the problem as they saw it (stale → 409).
 */
export async function decideObjection(
  actor: Actor,
  objectionId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosureDto> {
  authorize(actor, "objection.handle");
  const locale = opts.locale ?? "en";
  const input = parseInput(objectionDecisionSchema, raw, locale);
  if (!isUuid(objectionId)) throw new NotFound("Objection not found");
  const now = opts.now ?? clockNow();
  const problemId = await db.$transaction(async (tx) => {
    const objection = await tx.objection.findFirst({
      where: { id: objectionId, problem: problemScope(actor) },
      include: { notice: { select: { id: true, status: true } } },
    });
    if (!objection) throw new NotFound("Objection not found");
    if (objection.status !== "PENDING") throw new Invalid({ decision: [messageText(locale, "closure.errors.objectionHandled")] });
    const loaded = await loadStepProblem(tx, actor, objection.problemId, input.version, now, locale);
    const upheld = input.decision === "UPHOLD";
    const decision = upheld
      ? decideStep(loaded, "UPHOLD_OBJECTION", actor, input.note, locale, { action: "decision", comment: "note" })
      : null;
    if (upheld && objection.notice.status !== "OPEN") {
      throw new Invalid({ decision: [messageText(locale, "closure.errors.noOpenNotice")] });
    }
    const status = upheld ? "UPHELD" : "DISMISSED";
    const handled = await tx.objection.updateMany({
      where: { id: objectionId, status: "PENDING" },
      data: { status, handledById: actor.id, handledAt: now, handlingNote: input.note },
    });
    if (handled.count !== 1) throw new Conflict("This objection was handled by someone else; review the current record");
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Objection",
      entityId: objectionId,
      action: "decide",
      before: { status: "PENDING" },
      after: { status, handlingNote: input.note },
      requestId: opts.requestId,
    });
    if (decision) {
      await tx.publicNotice.update({ where: { id: objection.noticeId }, data: { status: "WITHDRAWN", endedAt: now } });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "PublicNotice",
        entityId: objection.noticeId,
        action: "withdraw",
        before: { status: "OPEN" },
        after: { status: "WITHDRAWN", endedAt: now, objectionId },
        requestId: opts.requestId,
      });
      await applyTransition(tx, {
        locale,
        problem: loaded.problem,
        decision,
        actor,
        comment: input.note,
        now,
        requestId: opts.requestId,
      });
    }
    return objection.problemId;
  });
  return getClosure(actor, problemId, { now });
}
