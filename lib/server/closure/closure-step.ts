import "server-only";
import type { Tx } from "../../db";
import type { ChecklistResult } from "../../domain/closure-checklist";
import {
  allowedActions,
  CLOSURE_ACTIONS,
  type Decision,
  decide,
  type WorkflowAction,
  type WorkflowContext,
} from "../../domain/workflow";
import { missingFor } from "../../domain/workflow-missing";
import { type AppError, Conflict, NotFound } from "../../errors";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { problemWithMeasuresInclude, toProblemDto } from "../problems/problem-dto";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";
import { kindsText, refusalError } from "../workflow/refusal";
import { checklistOf } from "./get-closure-checklist";

/**
 * What every closure step does first, inside its transaction: find the problem in the caller's
 * scope (404 alike for unknown and out of scope), hold it to the version the caller saw (409 with
 * the current record), and read its measures and closure checklist for the state machine.
 */
export async function loadStepProblem(tx: Tx, actor: Actor, id: string, version: number, now: Date, locale?: Locale) {
  const problem = await tx.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    include: problemWithMeasuresInclude,
  });
  if (!problem) throw new NotFound("Problem not found");
  const checklist = await checklistOf(tx, problem);
  if (problem.version !== version) {
    throw new Conflict(
      "This problem was changed by someone else; review the current record",
      toProblemDto(problem, now, { actor, checklist, settings: await getSettings(tx), locale }),
    );
  }
  const context: WorkflowContext = {
    measures: problem.measures,
    pendingPlan: false,
    checklist: { complete: checklist.complete, accepted: checklist.accepted },
  };
  return { problem, checklist, context };
}

type Loaded = Awaited<ReturnType<typeof loadStepProblem>>;

/**
 * Decides one closure step, or throws its refusal: 403 for the wrong person, 422 naming the
 * allowed closure steps otherwise; a checklist refusal names the evidence kinds still lacking.
 */
export function decideStep(
  loaded: Loaded,
  action: WorkflowAction,
  actor: Actor,
  comment: string | null | undefined,
  locale: Locale,
  fields: { action: string; comment: string } = { action: "action", comment: "comment" },
): Extract<Decision, { ok: true }> {
  const decision = decide(loaded.problem, action, actor, { ...loaded.context, comment });
  if (decision.ok) return decision;
  throw stepRefusal(decision.reason, action, loaded, actor, locale, fields);
}

function stepRefusal(
  reason: Extract<Decision, { ok: false }>["reason"],
  action: WorkflowAction,
  loaded: Loaded,
  actor: Actor,
  locale: Locale,
  fields: { action: string; comment: string },
): AppError {
  const allowed = allowedActions(loaded.problem, actor, loaded.context);
  const lacking = lackingKinds(reason, loaded.checklist);
  const missing = missingFor(reason, action, loaded.problem.status, lacking);
  // The message names the closure steps; `error.allowed` lists every step possible now.
  const closureSteps = allowed.filter((a) => (CLOSURE_ACTIONS as readonly string[]).includes(a));
  return refusalError(reason, closureSteps, locale, fields, { kinds: kindsText(lacking, locale) }).withChoices(allowed, missing);
}

/** The kinds a checklist refusal is about: missing ones to apply, not-yet-accepted ones to pass. */
export function lackingKinds(reason: string, checklist: ChecklistResult) {
  if (reason === "checklistIncomplete") return checklist.missing;
  if (reason === "evidenceNotAccepted") return checklist.items.filter((i) => i.state !== "ACCEPTED").map((i) => i.kind);
  return [];
}

export type NoticeEndRefusal = "noOpenNotice" | "noticeRunning" | "objectionsPending";

/** Whether the open notice may end on `today`: its period must be over and no objection left pending. */
export function noticeEndRefusal(
  notice: { status: string; endsOn: Date } | null,
  pendingObjections: number,
  today: Date,
): NoticeEndRefusal | null {
  if (notice?.status !== "OPEN") return "noOpenNotice";
  if (today.getTime() < notice.endsOn.getTime()) return "noticeRunning";
  return pendingObjections > 0 ? "objectionsPending" : null;
}
