"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { type ActionContext, runAction } from "@/lib/server/actions/run-action";
import { decideObjection } from "@/lib/server/closure/decide-objection";
import { dismissObjections } from "@/lib/server/closure/dismiss-objections";
import { endNotice } from "@/lib/server/closure/end-notice";
import { recordAcceptance } from "@/lib/server/closure/record-acceptance";
import { reopenProblem } from "@/lib/server/closure/reopen-problem";
import { signOffProblem } from "@/lib/server/closure/sign-off-problem";

/** The problem page's closure steps (see lib/server/actions/run-action for what they share). */
const run = (problemId: string, work: (ctx: ActionContext) => Promise<unknown>) =>
  runAction({ revalidate: [`/problems/${problemId}`, "/work", "/notices"], tag: "closure-action", ownRefusalText: true }, work);

export async function recordAcceptanceAction(problemId: string, input: Record<string, unknown>): Promise<ActionResult> {
  return run(problemId, (c) => recordAcceptance(c.actor, String(problemId), input, c));
}

export async function endNoticeAction(problemId: string, input: { version: number }): Promise<ActionResult> {
  return run(problemId, (c) => endNotice(c.actor, String(problemId), input, c));
}

export async function decideObjectionAction(
  problemId: string,
  objectionId: string,
  input: { decision: string; note: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => decideObjection(c.actor, String(objectionId), input, c));
}

export async function dismissObjectionsAction(
  problemId: string,
  input: { objectionIds: string[]; note: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => dismissObjections(c.actor, String(problemId), input, c));
}

export async function signOffAction(
  problemId: string,
  input: { decision: string; comment?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => signOffProblem(c.actor, String(problemId), input, c));
}

export async function lookbackAction(problemId: string, input: { reason: string; version: number }): Promise<ActionResult> {
  return run(problemId, (c) => reopenProblem(c.actor, String(problemId), input, c));
}
