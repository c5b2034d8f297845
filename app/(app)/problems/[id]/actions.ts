"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { type ActionContext, runAction } from "@/lib/server/actions/run-action";
import { decideExtension } from "@/lib/server/extensions/decide-extension";
import { requestExtension } from "@/lib/server/extensions/request-extension";
import { addMeasure } from "@/lib/server/measures/add-measure";
import { completeMeasure } from "@/lib/server/measures/complete-measure";
import { reorderMeasures } from "@/lib/server/measures/reorder-measures";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { decidePlan } from "@/lib/server/plans/decide-plan";
import { submitPlan } from "@/lib/server/plans/submit-plan";
import { createProgressReport } from "@/lib/server/reports/create-progress-report";
import { transitionProblem } from "@/lib/server/workflow/transition-problem";

/** The problem page's workflow actions (see lib/server/actions/run-action for what they share). */
const run = (problemId: string, work: (ctx: ActionContext) => Promise<unknown>) =>
  runAction({ revalidate: [`/problems/${problemId}`, "/work"], tag: "problem-action" }, work);

export async function transitionAction(
  problemId: string,
  input: { action: string; comment?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => transitionProblem(c.actor, String(problemId), input, c));
}

export async function submitPlanAction(problemId: string, input: { target: string }): Promise<ActionResult> {
  return run(problemId, (c) => submitPlan(c.actor, String(problemId), input, c));
}

export async function decidePlanAction(
  problemId: string,
  planId: string,
  input: { decision: string; reason?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => decidePlan(c.actor, String(planId), input, c));
}

export async function addMeasureAction(problemId: string, input: Record<string, string>): Promise<ActionResult> {
  return run(problemId, (c) => addMeasure(c.actor, String(problemId), input, c));
}

export async function updateMeasureAction(
  problemId: string,
  measureId: string,
  input: Record<string, string | number>,
): Promise<ActionResult> {
  return run(problemId, (c) => updateMeasure(c.actor, String(measureId), input, c));
}

export async function completeMeasureAction(problemId: string, measureId: string, version: number): Promise<ActionResult> {
  return run(problemId, (c) => completeMeasure(c.actor, String(measureId), { version }, c));
}

export async function reorderMeasuresAction(problemId: string, ids: string[]): Promise<ActionResult> {
  return run(problemId, (c) => reorderMeasures(c.actor, String(problemId), { ids }, c));
}

export async function createReportAction(
  problemId: string,
  input: { text: string; percent: string; measureId: string },
): Promise<ActionResult> {
  return run(problemId, (c) => createProgressReport(c.actor, String(problemId), input, c));
}

export async function requestExtensionAction(
  problemId: string,
  input: { newDeadline: string; reason: string },
): Promise<ActionResult> {
  return run(problemId, (c) => requestExtension(c.actor, String(problemId), input, c));
}

export async function decideExtensionAction(
  problemId: string,
  extensionId: string,
  input: { decision: string; comment?: string; version: number },
): Promise<ActionResult> {
  return run(problemId, (c) => decideExtension(c.actor, String(extensionId), input, c));
}
