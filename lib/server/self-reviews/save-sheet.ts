import "server-only";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { type SheetAction, sheetAfter, sheetAllows, sheetProblems } from "../../domain/self-review";
import { Conflict, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type SheetDto, sheetSaveSchema, sheetSubmitSchema } from "../../schemas/self-review";
import { diffFields, writeAudit } from "../audit/write-audit";
import { loadSheet, type SheetRow, sheetSnapshot, toSheetDto } from "./sheet-dto";
import { errorText } from "./texts";

type Opts = { locale?: Locale; requestId?: string; now?: Date };

/** The sheet for a state change: in scope, the unit's own for answering, the version the person saw, the action allowed now. */
export async function sheetForChange(
  tx: Tx,
  actor: Actor,
  roundId: string,
  unitId: string,
  action: SheetAction,
  version: number,
  locale: Locale,
): Promise<SheetRow> {
  const sheet = await loadSheet(tx, actor, roundId, unitId, true);
  if (sheet.version !== version) throw new Conflict(errorText("stale", locale), { version: sheet.version, status: sheet.status });
  if (!sheetAllows(sheet.round.status, sheet.status, action)) {
    const key =
      sheet.round.status !== "OPEN"
        ? "roundClosed"
        : action === "save" || action === "submit"
          ? "alreadySubmitted"
          : "notSubmitted";
    throw new Conflict(errorText(key, locale), { version: sheet.version, status: sheet.status });
  }
  return sheet;
}

/** A unit saves a draft of any of its eight answers. A returned sheet stays returned until resubmitted. */
export async function saveSheet(actor: Actor, roundId: string, unitId: string, raw: unknown, opts: Opts = {}): Promise<SheetDto> {
  // Only the unit itself answers: the sheet scope makes another unit's sheet a 404.
  authorize(actor, "selfReview.answer");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(sheetSaveSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const sheet = await sheetForChange(tx, actor, roundId, unitId, "save", input.version, locale);
    const before = sheetSnapshot(sheet);
    for (const a of input.answers) {
      await tx.selfReviewAnswer.upsert({
        where: { sheetId_question: { sheetId: sheet.id, question: a.question } },
        create: { sheetId: sheet.id, question: a.question, rating: a.rating, found: a.found, willDo: a.willDo },
        update: { rating: a.rating, found: a.found, willDo: a.willDo },
      });
    }
    await tx.selfReviewSheet.update({
      where: { id: sheet.id },
      data: { status: sheetAfter(sheet.status, "save"), version: { increment: 1 } },
    });
    const after = await loadSheet(tx, actor, roundId, unitId);
    const diff = diffFields(before as Record<string, unknown>, sheetSnapshot(after) as Record<string, unknown>);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewSheet",
      entityId: sheet.id,
      action: "save",
      ...diff,
      requestId: opts.requestId,
    });
    return toSheetDto(tx, after, opts.now);
  });
}

/** A unit submits its eight answers; each must be complete (rating, finding ≥ 10 characters, a remedy for a weak rating). */
export async function submitSheet(
  actor: Actor,
  roundId: string,
  unitId: string,
  raw: unknown,
  opts: Opts = {},
): Promise<SheetDto> {
  // Only the unit itself answers: the sheet scope makes another unit's sheet a 404.
  authorize(actor, "selfReview.answer");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(sheetSubmitSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const sheet = await sheetForChange(tx, actor, roundId, unitId, "submit", input.version, locale);
    const problems = sheetProblems(
      Object.fromEntries(sheet.answers.map((a) => [a.question, { rating: a.rating, found: a.found, willDo: a.willDo }])),
    );
    const fields: Record<string, string[]> = {};
    for (const [q, list] of Object.entries(problems)) {
      for (const p of list ?? []) {
        const field = p === "foundTooShort" ? "found" : p === "willDoRequired" ? "willDo" : "rating";
        fields[`answers.${q}.${field}`] = [localizeMessage(`reflectValidation.${p}`, locale)];
      }
    }
    if (Object.keys(fields).length) throw new Invalid(fields, errorText("incomplete", locale));
    await tx.selfReviewAnswer.updateMany({ where: { sheetId: sheet.id }, data: { returned: false } });
    await tx.selfReviewSheet.update({
      where: { id: sheet.id },
      data: { status: "SUBMITTED", submittedAt: opts.now ?? clockNow(), submittedById: actor.id, version: { increment: 1 } },
    });
    const after = await loadSheet(tx, actor, roundId, unitId);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewSheet",
      entityId: sheet.id,
      action: sheet.status === "RETURNED" ? "resubmit" : "submit",
      before: { status: sheet.status },
      after: sheetSnapshot(after),
      requestId: opts.requestId,
    });
    return toSheetDto(tx, after, opts.now);
  });
}
