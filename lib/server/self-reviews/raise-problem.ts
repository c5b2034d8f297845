import "server-only";
import { db } from "../../db";
import { FOUND_MIN_CHARS, textLength } from "../../domain/self-review";
import { Conflict, Invalid, NotFound } from "../../errors";
import { MESSAGES } from "../../i18n/messages";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { problemCreateSchema } from "../../schemas/problem";
import { raiseProblemSchema, type SheetDto } from "../../schemas/self-review";
import { writeAudit } from "../audit/write-audit";
import { createProblemInTx } from "../problems/create-problem";
import { loadSheet, toSheetDto } from "./sheet-dto";
import { errorText, fieldText } from "./texts";

function questionText(locale: Locale, q: string): string {
  return (MESSAGES[locale].selfReview as { questions: Record<string, string> }).questions[q] ?? q;
}

/**
 * A finding of a submitted answer becomes a SELF_CHECK ledger problem (自查), led by the answering
 * unit, its description the finding and its target what the unit will do; the answer links to it.
 * Registration (through the ledger's own create-problem core), link and audit rows commit in one
 * transaction, or nothing does. A finding becomes one problem at most (409 after that).
 */
export async function raiseProblemFromAnswer(
  actor: Actor,
  roundId: string,
  unitId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<SheetDto> {
  authorize(actor, "selfReview.raiseProblem");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(raiseProblemSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const sheet = await loadSheet(tx, actor, roundId, unitId, true);
    if (sheet.status !== "SUBMITTED") throw new Conflict(errorText("notSubmitted", locale), { status: sheet.status });
    const answer = sheet.answers.find((a) => a.question === input.question);
    if (!answer || textLength(answer.found) < FOUND_MIN_CHARS) throw new Invalid({ question: [fieldText("noFinding", locale)] });
    if (answer.problemId) throw new Conflict(errorText("alreadyRaised", locale), { problem: answer.problem });
    let districtCode = input.districtCode;
    if (!districtCode && sheet.unit.districtId) {
      districtCode = (await tx.district.findUnique({ where: { id: sheet.unit.districtId }, select: { code: true } }))?.code;
    }
    if (!districtCode) throw new Invalid({ districtCode: [fieldText("districtRequired", locale)] });
    const label = questionText("zh-CN", input.question);
    const problemInput = parseInput(
      problemCreateSchema,
      {
        title: input.title ?? `${sheet.unit.name}自查：${label}`.slice(0, 200),
        description: answer.found,
        source: "SELF_CHECK",
        round: sheet.round.title.slice(0, 100),
        category: input.category,
        districtCode,
        leadUnitId: sheet.unitId,
        target: answer.willDo || undefined,
        deadlineBand: input.deadlineBand,
        deadline: input.deadline ?? undefined,
      },
      locale,
    );
    const problem = await createProblemInTx(tx, actor, problemInput, opts);
    const linked = await tx.selfReviewAnswer.updateMany({
      where: { id: answer.id, problemId: null },
      data: { problemId: problem.id },
    });
    if (linked.count !== 1) throw new NotFound();
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewAnswer",
      entityId: answer.id,
      action: "raiseProblem",
      after: { question: input.question, problemId: problem.id, problemCode: problem.code },
      requestId: opts.requestId,
    });
    return toSheetDto(tx, await loadSheet(tx, actor, roundId, unitId), opts.now);
  });
}
