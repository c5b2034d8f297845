import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ClosureDto, objectionBulkDismissSchema } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { messageText } from "../workflow/workflow-text";
import { loadStepProblem } from "./closure-step";
import { getClosure } from "./get-closure";

/**
 * The coordinator dismisses many pending objections of one problem at once (spam during a public
 * notice), with one note. All or nothing: an objection already handled, or of another problem,
 * refuses the whole request. Each dismissal gets its own audit row; dismissed objections no longer
 * hold up the end of the notice. `version` is the problem's (stale → 409).
 */
export async function dismissObjections(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosureDto> {
  authorize(actor, "objection.handle");
  const locale = opts.locale ?? "en";
  const input = parseInput(objectionBulkDismissSchema, raw, locale);
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  await db.$transaction(async (tx) => {
    await loadStepProblem(tx, actor, problemId, input.version, now, locale);
    const handled = await tx.objection.updateMany({
      where: { id: { in: input.objectionIds }, problemId, status: "PENDING" },
      data: { status: "DISMISSED", handledById: actor.id, handledAt: now, handlingNote: input.note },
    });
    if (handled.count !== input.objectionIds.length) {
      const known = await tx.objection.count({ where: { id: { in: input.objectionIds }, problemId } });
      if (known !== input.objectionIds.length) {
        throw new Invalid({ objectionIds: [messageText(locale, "closure.errors.objectionHandled")] });
      }
      throw new Conflict("Some of these objections were handled by someone else; review the current record");
    }
    for (const id of input.objectionIds) {
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Objection",
        entityId: id,
        action: "decide",
        before: { status: "PENDING" },
        after: { status: "DISMISSED", handlingNote: input.note, bulk: true },
        requestId: opts.requestId,
      });
    }
  });
  return getClosure(actor, problemId, { now });
}
