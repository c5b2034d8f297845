import { db } from "../../db";
import {
  allowedActions,
  CLOSURE_ACTIONS,
  decide,
  PLAN_ACTIONS,
  TRANSITION_ACTIONS,
  type WorkflowAction,
} from "../../domain/workflow";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import type { ProblemDto } from "../../schemas/problem";
import { transitionInputSchema } from "../../schemas/workflow";
import { problemWithMeasuresInclude, toProblemDto } from "../problems/problem-dto";
import { problemScope } from "../problems/scope";
import { applyTransition } from "./apply-transition";
import { refusalError } from "./refusal";

const includes = (list: readonly WorkflowAction[], action: WorkflowAction) => list.includes(action);

/**
 * Takes one workflow step on a problem (`{action, comment?, version}`) and returns the problem as
 * it now stands. Out of scope → 404; stale version → 409 with the current record; the wrong
 * person → 403; an action not possible now → 422 naming the allowed ones; a step that sends work
 * back without a reason → 422 on `comment`. Plan decisions go through the plan; the closure half
 * is not offered yet.
 */
export async function transitionProblem(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ProblemDto> {
  authorize(actor, "workflow.transition");
  const locale = opts.locale ?? "en";
  const input = parseInput(transitionInputSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const now = opts.now ?? new Date();
  await db.$transaction(async (tx) => {
    const problem = await tx.problem.findFirst({
      where: { AND: [{ id }, problemScope(actor)] },
      include: problemWithMeasuresInclude,
    });
    if (!problem) throw new NotFound("Problem not found");
    if (problem.version !== input.version) {
      throw new Conflict(
        "This problem was changed by someone else; review the current record",
        toProblemDto(problem, now, { actor }),
      );
    }
    const context = { measures: problem.measures, pendingPlan: false };
    const allowed = allowedActions(problem, actor, context, TRANSITION_ACTIONS);
    if (includes(PLAN_ACTIONS, input.action)) throw refusalError("planDecisionOnly", allowed, locale);
    if (includes(CLOSURE_ACTIONS, input.action)) throw refusalError("notAvailable", allowed, locale);
    const decision = decide(problem, input.action, actor, { ...context, comment: input.comment });
    if (!decision.ok) throw refusalError(decision.reason, allowed, locale);
    await applyTransition(tx, {
      problem,
      decision,
      actor,
      comment: input.comment ?? null,
      now,
      requestId: opts.requestId,
    });
  });
  const row = await db.problem.findUniqueOrThrow({ where: { id }, include: problemWithMeasuresInclude });
  return toProblemDto(row, now, { actor });
}
