import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { addDays, bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { acceptanceInputSchema, type ClosureDto } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { getSettings } from "../settings/get-settings";
import { applyTransition } from "../workflow/apply-transition";
import { messageText } from "../workflow/workflow-text";
import { decideStep, loadStepProblem } from "./closure-step";
import { getClosure } from "./get-closure";

/**
 * The coordinator records an acceptance (验收) of a problem pending acceptance — whoever accepts is
 * accountable, so the unit, date, on-site check, opinion and signers are kept. FAILED sends the
 * problem back to rectification with the opinion as the reason. PASSED needs every required
 * closure material accepted and opens the public notice (公示): from today (Asia/Shanghai) unless
 * given, for `noticeDays` unless an end is given, with the supervision phone (and e-mail) and the
 * summary the public reads. Acceptance, notice, status, audit rows and notices in one transaction.
 */
export async function recordAcceptance(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosureDto> {
  authorize(actor, "workflow.transition");
  const locale = opts.locale ?? "en";
  const input = parseInput(acceptanceInputSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const passed = input.result === "PASSED";
  await db.$transaction(async (tx) => {
    const loaded = await loadStepProblem(tx, actor, id, input.version, now, locale);
    const decision = decideStep(loaded, passed ? "PASS_ACCEPTANCE" : "FAIL_ACCEPTANCE", actor, input.opinion, locale, {
      action: "result",
      comment: "opinion",
    });
    const acceptedOn = parseCalendarDate(input.acceptedOn) as Date;
    const errors: Record<string, string[]> = {};
    if (acceptedOn > today) errors.acceptedOn = [messageText(locale, "closure.errors.acceptedInFuture")];
    if (input.acceptanceUnitId) {
      const unit = await tx.unit.findFirst({ where: { id: input.acceptanceUnitId, active: true }, select: { id: true } });
      if (!unit) errors.acceptanceUnitId = [messageText(locale, "closure.errors.unknownUnit")];
    }
    let period: { startsOn: Date; endsOn: Date } | null = null;
    if (passed && input.notice) {
      const startsOn = input.notice.startsOn ? (parseCalendarDate(input.notice.startsOn) as Date) : today;
      const endsOn = input.notice.endsOn
        ? (parseCalendarDate(input.notice.endsOn) as Date)
        : addDays(startsOn, (await getSettings(tx)).noticeDays);
      if (startsOn < today) errors["notice.startsOn"] = [messageText(locale, "closure.errors.noticeStartsInPast")];
      if (endsOn <= startsOn) errors["notice.endsOn"] = [messageText(locale, "closure.errors.noticeEndsBeforeStart")];
      period = { startsOn, endsOn };
    }
    if (Object.keys(errors).length) throw new Invalid(errors);

    const acceptance = await tx.acceptance.create({
      data: {
        problemId: id,
        acceptanceUnitId: input.acceptanceUnitId ?? loaded.problem.acceptanceUnitId,
        acceptedOn,
        onSiteCheck: input.onSiteCheck,
        result: input.result,
        opinion: input.opinion,
        signers: input.signers,
        recordedById: actor.id,
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Acceptance",
      entityId: acceptance.id,
      action: "create",
      after: { ...acceptance, acceptedOn: formatCalendarDate(acceptedOn) },
      requestId: opts.requestId,
    });
    if (period && input.notice) {
      const notice = await tx.publicNotice.create({
        data: {
          problemId: id,
          acceptanceId: acceptance.id,
          startsOn: period.startsOn,
          endsOn: period.endsOn,
          phone: input.notice.phone,
          email: input.notice.email ?? null,
          summary: input.notice.summary,
          createdById: actor.id,
          createdAt: now,
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "PublicNotice",
        entityId: notice.id,
        action: "create",
        after: { ...notice, startsOn: formatCalendarDate(notice.startsOn), endsOn: formatCalendarDate(notice.endsOn) },
        requestId: opts.requestId,
      });
    }
    await applyTransition(tx, {
      locale,
      problem: loaded.problem,
      decision,
      actor,
      comment: passed ? null : input.opinion,
      now,
      requestId: opts.requestId,
    });
  });
  return getClosure(actor, id, { now });
}
