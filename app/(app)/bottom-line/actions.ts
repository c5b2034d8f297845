"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { recordClosureStage } from "@/lib/server/closed-enterprises/record-closure-stage";
import { recordRecheck } from "@/lib/server/closed-enterprises/record-recheck";
import { hazardsToProblems } from "@/lib/server/hazards/hazards-to-problems";
import { addPreventionItem, recordAssessment, recordDrill, updatePreventionItem } from "@/lib/server/parks/park-writes";
import { recordCheck } from "@/lib/server/sweeps/record-check";

/** The bottom line's server actions: each calls the same use case as its REST route. */

export async function recordCheckAction(sweepId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line", `/bottom-line/sweeps/${sweepId}`], tag: "sweep-check" }, (ctx) =>
    recordCheck(ctx.actor, sweepId, input, ctx),
  );
}

export async function hazardsToProblemsAction(hazardIds: string[]): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line", "/bottom-line/sweeps"], tag: "hazards-to-problems" }, (ctx) =>
    hazardsToProblems(ctx.actor, { hazardIds }, ctx),
  );
}

export async function recordStageAction(enterpriseId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/closed-enterprises/${enterpriseId}`], tag: "closure-stage" }, (ctx) =>
    recordClosureStage(ctx.actor, enterpriseId, input, ctx),
  );
}

export async function recordRecheckAction(enterpriseId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/closed-enterprises/${enterpriseId}`], tag: "recheck" }, (ctx) =>
    recordRecheck(ctx.actor, enterpriseId, input, ctx),
  );
}

export async function addPreventionItemAction(parkId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/parks/${parkId}`], tag: "prevention-item" }, (ctx) =>
    addPreventionItem(ctx.actor, parkId, input, ctx),
  );
}

export async function updatePreventionItemAction(parkId: string, itemId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/parks/${parkId}`], tag: "prevention-progress" }, (ctx) =>
    updatePreventionItem(ctx.actor, parkId, itemId, input, ctx),
  );
}

export async function recordAssessmentAction(parkId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/parks/${parkId}`], tag: "park-assessment" }, (ctx) =>
    recordAssessment(ctx.actor, parkId, input, ctx),
  );
}

export async function recordDrillAction(parkId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/parks/${parkId}`], tag: "park-drill" }, (ctx) =>
    recordDrill(ctx.actor, parkId, input, ctx),
  );
}
