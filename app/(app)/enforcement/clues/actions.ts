"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { type ActionContext, runAction } from "@/lib/server/actions/run-action";
import { assignClue } from "@/lib/server/clues/assign-clue";
import { dismissClue } from "@/lib/server/clues/dismiss-clue";

const run = (clueId: string, work: (ctx: ActionContext) => Promise<unknown>) =>
  runAction({ revalidate: [`/enforcement/clues/${clueId}`, "/enforcement/clues"], tag: "clue-action" }, work);

export async function assignClueAction(clueId: string, input: { assigneeId: string; version: number }): Promise<ActionResult> {
  return run(clueId, (c) => assignClue(c.actor, String(clueId), input, c));
}

export async function dismissClueAction(
  clueId: string,
  input: { reason: string; note: string; version: number },
): Promise<ActionResult> {
  return run(clueId, (c) => dismissClue(c.actor, String(clueId), input, c));
}
