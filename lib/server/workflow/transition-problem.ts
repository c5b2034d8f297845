import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import {
  allowedActions,
  CLOSURE_ACTIONS,
  decide,
  PLAN_ACTIONS,
  TRANSITION_ACTIONS,
  type WorkflowAction,
} from "../../domain/workflow";
import { missingFor } from "../../domain/workflow-missing";
import { ACTION_ROUTES } from "../../domain/workflow-routes";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import type { ProblemDto } from "../../schemas/problem";
import { transitionInputSchema } from "../../schemas/workflow";
import { lackingKinds } from "../closure/closure-step";
import { checklistOf } from "../closure/get-closure-checklist";
import { problemWithMeasuresInclude, toProblemDto } from "../problems/problem-dto";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";
import { applyTransition } from "./apply-transition";
import { kindsText, refusalError } from "./refusal";

const includes = (list: readonly WorkflowAction[], action: WorkflowAction) => list.includes(action);

/** Where each closure step is taken: it carries its own record (acceptance, notice, objection, closure). */
export const CLOSURE_ROUTES = Object.fromEntries(
  CLOSURE_ACTIONS.map((a) => [a, `${ACTION_ROUTES[a].method} ${ACTION_ROUTES[a].path.replace("{objectionId}", "{id}")}`]),
) as Record<(typeof CLOSURE_ACTIONS)[number], string>;

/**
 * Takes one workflow step on a problem (`{action, comment?, version}`) and returns the problem as
 * it now stands. Out of scope → 404; stale version → 409 with the current record; the wrong
 * person → 403; an action not possible now → 422 naming the allowed ones (applying for acceptance
 * with closure materials lacking names the missing kinds); a step that sends work back without a
 * reason → 422 on `comment`. Plan decisions go through the plan; each closure step through its
 * own route, which the refusal names.
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
  const now = opts.now ?? clockNow();
  let checklist: { complete: boolean; accepted: boolean } | undefined;
  await db.$transaction(async (tx) => {
    const problem = await tx.problem.findFirst({
      where: { AND: [{ id }, problemScope(actor)] },
      include: problemWithMeasuresInclude,
    });
    if (!problem) throw new NotFound("Problem not found");
    const result = await checklistOf(tx, problem);
    if (problem.version !== input.version) {
      throw new Conflict(
        "This problem was changed by someone else; review the current record",
        toProblemDto(problem, now, { actor, checklist: result, settings: await getSettings(tx), locale }),
      );
    }
    const context = { measures: problem.measures, pendingPlan: false, checklist: result };
    const allowed = allowedActions(problem, actor, context, TRANSITION_ACTIONS);
    // `error.allowed` lists every step possible now, the closure steps included.
    const everything = allowedActions(problem, actor, context);
    if (includes(PLAN_ACTIONS, input.action)) throw refusalError("planDecisionOnly", allowed, locale).withChoices(everything, []);
    if (includes(CLOSURE_ACTIONS, input.action)) {
      const route = CLOSURE_ROUTES[input.action as keyof typeof CLOSURE_ROUTES];
      throw refusalError("closureStep", allowed, locale, undefined, { route }).withChoices(everything, []);
    }
    const decision = decide(problem, input.action, actor, { ...context, comment: input.comment });
    if (!decision.ok) {
      const lacking = lackingKinds(decision.reason, result);
      throw refusalError(decision.reason, allowed, locale, undefined, {
        kinds: kindsText(lacking, locale),
      }).withChoices(everything, missingFor(decision.reason, input.action, problem.status, lacking));
    }
    await applyTransition(tx, {
      locale,
      problem,
      decision,
      actor,
      comment: input.comment ?? null,
      now,
      requestId: opts.requestId,
    });
    checklist = result;
  });
  const row = await db.problem.findUniqueOrThrow({ where: { id }, include: problemWithMeasuresInclude });
  return toProblemDto(row, now, { actor, checklist, settings: await getSettings(), locale });
}
