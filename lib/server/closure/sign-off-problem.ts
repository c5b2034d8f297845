import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type ClosureDto, signOffInputSchema } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { applyTransition } from "../workflow/apply-transition";
import { decideStep, loadStepProblem } from "./closure-step";
import { getClosure } from "./get-closure";

/**
 * The problem's lead official signs the closure (销号) after the public notice, or returns it to
 * rectification with a reason. Signing closes the problem and records a ProblemClosure naming the
 * latest passed acceptance and the latest ended notice.
 */
export async function signOffProblem(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosureDto> {
  authorize(actor, "workflow.transition");
  const locale = opts.locale ?? "en";
  const input = parseInput(signOffInputSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  await db.$transaction(async (tx) => {
    const loaded = await loadStepProblem(tx, actor, id, input.version, now, locale);
    const signing = input.decision === "SIGN";
    const decision = decideStep(loaded, signing ? "SIGN_OFF" : "RETURN_SIGNOFF", actor, input.comment, locale, {
      action: "decision",
      comment: "comment",
    });
    await applyTransition(tx, {
      locale,
      problem: loaded.problem,
      decision,
      actor,
      comment: input.comment ?? null,
      now,
      requestId: opts.requestId,
    });
    if (!signing) return;
    const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];
    const acceptance = await tx.acceptance.findFirst({
      where: { problemId: id, result: "PASSED" },
      orderBy: newest,
      select: { id: true },
    });
    const notice = await tx.publicNotice.findFirst({
      where: { problemId: id, status: "ENDED" },
      orderBy: newest,
      select: { id: true },
    });
    const closure = await tx.problemClosure.create({
      data: {
        problemId: id,
        closedAt: now,
        signedById: actor.id,
        acceptanceId: acceptance?.id ?? null,
        noticeId: notice?.id ?? null,
        comment: input.comment ?? null,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ProblemClosure",
      entityId: closure.id,
      action: "create",
      after: closure,
      requestId: opts.requestId,
    });
  });
  return getClosure(actor, id, { now });
}
