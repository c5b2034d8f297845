import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { extensionRequestRefusal, mayRequestExtension, newDeadlineProblem } from "../../domain/extension-rules";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ExtensionDto, extensionRequestSchema } from "../../schemas/extension";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { lockVisibleProblemId } from "../measures/measure-dto";
import { notify } from "../notifications/notify";
import { leadOfficialOf } from "../notifications/recipients";
import { extensionInclude, extensionNoticeText, extensionSnapshot, toExtensionDto } from "./extension-dto";

/**
 * Asks the lead official for a later deadline (延期). The coordinator or the head of the lead
 * division may ask, while the problem runs against a deadline (not closed, not long-term) and no
 * other request is waiting (409 with the waiting one). The new deadline must be later than the
 * current one and not already past. The lead official is notified in the same transaction.
 */
export async function requestExtension(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ExtensionDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "extension.request");
  const input = parseInput(extensionRequestSchema, raw, locale);
  const newDeadline = parseCalendarDate(input.newDeadline) as Date;
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    await lockVisibleProblemId(tx, actor, problemId);
    const problem = await tx.problem.findUniqueOrThrow({
      where: { id: problemId },
      select: { id: true, status: true, deadlineBand: true, deadline: true, leadUnitId: true, leadOfficialId: true },
    });
    if (!mayRequestExtension(actor, problem, true)) {
      throw new Forbidden("Only the coordinator or the lead division may request an extension");
    }
    const pending = await tx.extension.findFirst({ where: { problemId, status: "PENDING" }, include: extensionInclude });
    const refusal = extensionRequestRefusal(problem, pending ? 1 : 0);
    if (refusal === "extensionPending" && pending) {
      throw new Conflict(localizeMessage("v.extensionPending", locale), toExtensionDto(pending));
    }
    if (refusal) throw new Invalid({ status: [localizeMessage(`v.${refusal}`, locale)] }, "No extension can be requested now");
    const dateIssue = newDeadlineProblem(newDeadline, problem.deadline as Date, bureauToday(now));
    if (dateIssue) throw new Invalid({ newDeadline: [localizeMessage(`v.${dateIssue}`, locale)] });

    const created = await tx.extension.create({
      data: {
        problemId,
        oldDeadline: problem.deadline as Date,
        newDeadline,
        reason: input.reason,
        requestedById: actor.id,
        requestedAt: now,
      },
      include: extensionInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Extension",
      entityId: created.id,
      action: "request",
      after: extensionSnapshot(created),
      requestId: opts.requestId,
    });
    await notify(tx, {
      recipients: leadOfficialOf(problem),
      kind: "extension.requested",
      problemId,
      link: `/problems/${problemId}`,
      dedupeKey: `extension.requested:${created.id}`,
      text: (l) => extensionNoticeText(l, "requested", created),
    });
    return toExtensionDto(created);
  });
}
