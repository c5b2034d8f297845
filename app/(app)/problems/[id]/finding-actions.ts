"use server";

import { Conflict, Invalid } from "@/lib/errors";
import type { ActionResult } from "@/lib/schemas/action-result";
import { type ActionContext, runAction } from "@/lib/server/actions/run-action";
import { recordPerfunctoryFinding } from "@/lib/server/findings/record-perfunctory-finding";
import { withdrawFinding } from "@/lib/server/findings/withdraw-finding";

/** The problem page's finding actions: the same use cases as POST /problems/{id}/findings and /findings/{id}/withdraw. */
const run = (problemId: string, work: (ctx: ActionContext) => Promise<unknown>) =>
  runAction({ revalidate: [`/problems/${problemId}`, "/evidence"], tag: "finding-action" }, async (c) => {
    try {
      return await work(c);
    } catch (e) {
      // A standing or already withdrawn finding: its own words, not the generic "someone changed this".
      if (e instanceof Conflict) throw new Invalid({ _: [e.message] }, e.message);
      throw e;
    }
  });

export async function recordPerfunctoryAction(problemId: string, input: { reason: string }): Promise<ActionResult> {
  return run(problemId, (c) => recordPerfunctoryFinding(c.actor, String(problemId), input, c));
}

export async function withdrawFindingAction(
  problemId: string,
  findingId: string,
  input: { reason: string },
): Promise<ActionResult> {
  return run(problemId, (c) => withdrawFinding(c.actor, String(findingId), input, c));
}
