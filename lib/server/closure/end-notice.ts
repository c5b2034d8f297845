import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { allowedActions } from "../../domain/workflow";
import { noticeMissing } from "../../domain/workflow-missing";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ClosureDto, versionOnlySchema } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { applyTransition } from "../workflow/apply-transition";
import { messageText } from "../workflow/workflow-text";
import { decideStep, loadStepProblem, noticeEndRefusal } from "./closure-step";
import { getClosure } from "./get-closure";

/**
 * The coordinator ends the public notice once its period is over (from its end date on) and no
 * objection is pending: the notice is ENDED and the problem goes to the lead official's sign-off.
 */
export async function endNotice(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosureDto> {
  authorize(actor, "workflow.transition");
  const locale = opts.locale ?? "en";
  const input = parseInput(versionOnlySchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  await db.$transaction(async (tx) => {
    const loaded = await loadStepProblem(tx, actor, id, input.version, now, locale);
    const decision = decideStep(loaded, "END_NOTICE", actor, null, locale);
    const notice = await tx.publicNotice.findFirst({
      where: { problemId: id, status: "OPEN" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const pending = notice ? await tx.objection.count({ where: { noticeId: notice.id, status: "PENDING" } }) : 0;
    const refusal = noticeEndRefusal(notice, pending, bureauToday(now));
    if (refusal || !notice) {
      const params = { endsOn: notice ? formatCalendarDate(notice.endsOn) : "", count: pending };
      throw new Invalid({ action: [messageText(locale, `closure.errors.${refusal}`, params)] }).withChoices(
        allowedActions(loaded.problem, actor, loaded.context).filter((a) => a !== "END_NOTICE"),
        noticeMissing(refusal ?? "noOpenNotice"),
      );
    }
    const ended = await tx.publicNotice.updateMany({
      where: { id: notice.id, status: "OPEN" },
      data: { status: "ENDED", endedAt: now },
    });
    if (ended.count !== 1) throw new Conflict("This notice was changed by someone else; review the current record");
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PublicNotice",
      entityId: notice.id,
      action: "end",
      before: { status: "OPEN" },
      after: { status: "ENDED", endedAt: now },
      requestId: opts.requestId,
    });
    await applyTransition(tx, {
      locale,
      problem: loaded.problem,
      decision,
      actor,
      comment: null,
      now,
      requestId: opts.requestId,
    });
  });
  return getClosure(actor, id, { now });
}
