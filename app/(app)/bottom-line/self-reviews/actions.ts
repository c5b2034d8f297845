"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { type ActionContext, runAction } from "@/lib/server/actions/run-action";
import { closeRound } from "@/lib/server/self-reviews/close-round";
import { getSheet } from "@/lib/server/self-reviews/get-sheet";
import { openRound } from "@/lib/server/self-reviews/open-round";
import { raiseProblemFromAnswer } from "@/lib/server/self-reviews/raise-problem";
import { commentSheet, returnSheet } from "@/lib/server/self-reviews/review-sheet";
import { saveSheet, submitSheet } from "@/lib/server/self-reviews/save-sheet";

const BASE = "/bottom-line/self-reviews";
const runOn = (paths: string[], work: (ctx: ActionContext) => Promise<unknown>) =>
  runAction({ revalidate: [BASE, ...paths], tag: "self-review-action" }, work);
const sheetPaths = (roundId: string, unitId: string) => [`${BASE}/${roundId}`, `${BASE}/${roundId}/units/${unitId}`];

export async function openRoundAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runOn([], (c) => openRound(c.actor, input, c));
}

export async function closeRoundAction(roundId: string, version: number): Promise<ActionResult> {
  return runOn([`${BASE}/${roundId}`], (c) => closeRound(c.actor, String(roundId), { version }, c));
}

export async function saveSheetAction(roundId: string, unitId: string, input: Record<string, unknown>): Promise<ActionResult> {
  return runOn(sheetPaths(roundId, unitId), (c) => saveSheet(c.actor, String(roundId), String(unitId), input, c));
}

/**
 * Saves what is on the form, then submits it (one click for the person). The draft is saved (and
 * the page refreshed) even when the submission is refused, so nothing typed is lost.
 */
export async function submitSheetAction(roundId: string, unitId: string, input: Record<string, unknown>): Promise<ActionResult> {
  const saved = await runOn(sheetPaths(roundId, unitId), (c) => saveSheet(c.actor, String(roundId), String(unitId), input, c));
  if (!saved.ok) return saved;
  return runOn(sheetPaths(roundId, unitId), async (c) => {
    const { version } = await getSheet(c.actor, String(roundId), String(unitId));
    return submitSheet(c.actor, String(roundId), String(unitId), { version }, c);
  });
}

export async function commentSheetAction(roundId: string, unitId: string, input: Record<string, unknown>): Promise<ActionResult> {
  return runOn(sheetPaths(roundId, unitId), (c) => commentSheet(c.actor, String(roundId), String(unitId), input, c));
}

export async function returnSheetAction(roundId: string, unitId: string, input: Record<string, unknown>): Promise<ActionResult> {
  return runOn(sheetPaths(roundId, unitId), (c) => returnSheet(c.actor, String(roundId), String(unitId), input, c));
}

export async function raiseProblemAction(roundId: string, unitId: string, input: Record<string, unknown>): Promise<ActionResult> {
  return runOn([...sheetPaths(roundId, unitId), "/problems"], (c) =>
    raiseProblemFromAnswer(c.actor, String(roundId), String(unitId), input, c),
  );
}
