import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Invalid } from "../../errors";
import { MESSAGES } from "../../i18n/messages";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type SheetDto, sheetCommentSchema, sheetReturnSchema } from "../../schemas/self-review";
import { writeAudit } from "../audit/write-audit";
import { notify } from "../notifications/notify";
import { unitStaffOf } from "../notifications/recipients";
import { sheetForChange } from "./save-sheet";
import { loadSheet, toSheetDto } from "./sheet-dto";
import { reflectNotice } from "./texts";

type Opts = { locale?: Locale; requestId?: string; now?: Date };

function questionLabel(locale: Locale, q: string): string {
  const questions = (MESSAGES[locale].selfReview as { questions: Record<string, string> }).questions;
  return questions[q] ?? q;
}

/** A leader comments on a unit's submitted answers (the comment stays with the sheet). */
export async function commentSheet(
  actor: Actor,
  roundId: string,
  unitId: string,
  raw: unknown,
  opts: Opts = {},
): Promise<SheetDto> {
  authorize(actor, "selfReview.review");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(sheetCommentSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const sheet = await sheetForChange(tx, actor, roundId, unitId, "comment", input.version, locale);
    await tx.selfReviewSheet.update({
      where: { id: sheet.id },
      data: {
        leaderComment: input.comment,
        commentedById: actor.id,
        commentedAt: opts.now ?? clockNow(),
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewSheet",
      entityId: sheet.id,
      action: "comment",
      before: { leaderComment: sheet.leaderComment },
      after: { leaderComment: input.comment },
      requestId: opts.requestId,
    });
    return toSheetDto(tx, await loadSheet(tx, actor, roundId, unitId), opts.now);
  });
}

/**
 * A leader returns answers with a reason: the sheet goes back to the unit (RETURNED), the
 * answers named are marked, the unit's staff are told; the unit edits and resubmits.
 */
export async function returnSheet(
  actor: Actor,
  roundId: string,
  unitId: string,
  raw: unknown,
  opts: Opts = {},
): Promise<SheetDto> {
  authorize(actor, "selfReview.review");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(sheetReturnSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const sheet = await sheetForChange(tx, actor, roundId, unitId, "return", input.version, locale);
    if (input.questions.some((q) => !sheet.answers.some((a) => a.question === q)))
      throw new Invalid({ questions: ["v.invalidOption"] });
    const now = opts.now ?? clockNow();
    await tx.selfReviewAnswer.updateMany({
      where: { sheetId: sheet.id, question: { in: input.questions } },
      data: { returned: true },
    });
    await tx.selfReviewSheet.update({
      where: { id: sheet.id },
      data: {
        status: "RETURNED",
        returnReason: input.reason,
        returnedById: actor.id,
        returnedAt: now,
        returnCount: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewSheet",
      entityId: sheet.id,
      action: "return",
      before: { status: sheet.status },
      after: { status: "RETURNED", questions: input.questions, reason: input.reason },
      requestId: opts.requestId,
    });
    await notify(tx, {
      recipients: await unitStaffOf(tx, sheet.unitId),
      kind: "selfReview.returned",
      link: `/bottom-line/self-reviews/${roundId}/units/${unitId}`,
      dedupeKey: `self-review-return:${sheet.id}:${sheet.returnCount + 1}`,
      text: (l) =>
        reflectNotice(l, "returned", {
          title: sheet.round.title,
          unit: sheet.unit.name,
          reason: input.reason,
          questions: input.questions.map((q) => questionLabel(l, q)).join(l === "en" ? ", " : "、"),
        }),
    });
    return toSheetDto(tx, await loadSheet(tx, actor, roundId, unitId), opts.now);
  });
}
