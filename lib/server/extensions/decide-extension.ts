import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import { extendedDeadline, extensionApprovable, mayDecideExtension } from "../../domain/extension-rules";
import { Conflict, Forbidden, Invalid, NotFound } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type ExtensionDto, extensionDecisionSchema } from "../../schemas/extension";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { lockProblem } from "../measures/measure-dto";
import { notify } from "../notifications/notify";
import { problemScope } from "../problems/scope";
import { refreshDerived } from "../workflow/refresh-derived";
import { extensionInclude, extensionNoticeText, extensionSnapshot, toExtensionDto } from "./extension-dto";

const STALE_EXTENSION = "This extension request was changed by someone else; review the current record";

const dayOrNull = (d: Date | null) => (d ? formatCalendarDate(d) : null);

/**
 * The lead official approves or rejects a pending extension (a rejection needs a comment).
 * Approval moves the problem's deadline, keeps the first deadline in `originalDeadline`, counts
 * the extension, restarts escalation for the new deadline and raises the problem's version; the
 * colour is recomputed. The requester is notified in the same transaction.
 */
export async function decideExtension(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ExtensionDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "extension.decide");
  const input = parseInput(extensionDecisionSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Extension not found");
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    const found = await tx.extension.findFirst({ where: { id, problem: problemScope(actor) }, select: { problemId: true } });
    if (!found) throw new NotFound("Extension not found");
    await lockProblem(tx, found.problemId);
    const current = await tx.extension.findUniqueOrThrow({ where: { id }, include: extensionInclude });
    const problem = await tx.problem.findUniqueOrThrow({
      where: { id: found.problemId },
      select: {
        status: true,
        deadlineBand: true,
        deadline: true,
        originalDeadline: true,
        extensionCount: true,
        escalation: true,
        leadOfficialId: true,
        version: true,
      },
    });
    if (!mayDecideExtension(actor, problem, can(actor, "extension.decide"))) {
      throw new Forbidden("Only the problem's lead official decides its extensions");
    }
    // A decision taken meanwhile shows as a stale version: the caller sees who decided what.
    if (current.version !== input.version) throw new Conflict(STALE_EXTENSION, toExtensionDto(current));
    if (current.status !== "PENDING") {
      throw new Invalid({ status: [localizeMessage("v.extensionDecided", locale)] }, "This request was already decided");
    }
    const approve = input.decision === "APPROVE";
    if (approve && !extensionApprovable(problem)) {
      throw new Invalid({ status: [localizeMessage("v.extensionOngoing", locale)] }, "The problem no longer has a deadline");
    }
    if (approve && problem.deadline && current.newDeadline.getTime() <= problem.deadline.getTime()) {
      throw new Invalid({ newDeadline: [localizeMessage("v.extensionNotLater", locale)] });
    }

    const decided = await tx.extension.updateMany({
      where: { id, version: input.version, status: "PENDING" },
      data: {
        status: approve ? "APPROVED" : "REJECTED",
        decidedById: actor.id,
        decidedAt: now,
        decisionComment: input.comment ?? null,
        version: { increment: 1 },
      },
    });
    if (decided.count !== 1) throw new Conflict(STALE_EXTENSION, toExtensionDto(current));

    if (approve) {
      const fields = extendedDeadline(problem, current.newDeadline);
      await tx.problem.update({ where: { id: found.problemId }, data: { ...fields, version: { increment: 1 } } });
      await refreshDerived(tx, found.problemId, now);
      const before = {
        deadline: dayOrNull(problem.deadline),
        originalDeadline: dayOrNull(problem.originalDeadline),
        extensionCount: problem.extensionCount,
        escalation: problem.escalation,
        version: problem.version,
      };
      const after = {
        deadline: formatCalendarDate(fields.deadline),
        originalDeadline: dayOrNull(fields.originalDeadline),
        extensionCount: fields.extensionCount,
        escalation: fields.escalation,
        version: problem.version + 1,
      };
      const diff = diffFields(before, after);
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Problem",
        entityId: found.problemId,
        action: "extend",
        before: diff.before,
        after: { ...diff.after, extensionId: id },
        requestId: opts.requestId,
      });
    }

    const after = await tx.extension.findUniqueOrThrow({ where: { id }, include: extensionInclude });
    const diff = diffFields(extensionSnapshot(current), extensionSnapshot(after));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Extension",
      entityId: id,
      action: approve ? "approve" : "reject",
      before: diff.before,
      after: { problemId: found.problemId, ...diff.after },
      requestId: opts.requestId,
    });
    await notify(tx, {
      recipients: [after.requestedById],
      kind: approve ? "extension.approved" : "extension.rejected",
      problemId: found.problemId,
      link: `/problems/${found.problemId}`,
      dedupeKey: `extension.decided:${id}`,
      text: (l) => extensionNoticeText(l, approve ? "approved" : "rejected", after),
    });
    return toExtensionDto(after);
  });
}
