"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import type { LinkableProblem } from "@/lib/schemas/incident-edit";
import { runAction } from "@/lib/server/actions/run-action";
import { findLinkableProblems } from "@/lib/server/incidents/find-linkable-problems";
import { recordIncident } from "@/lib/server/incidents/record-incident";
import { updateIncident } from "@/lib/server/incidents/update-incident";

export async function recordIncidentAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line/incidents"], tag: "incident-action" }, (c) => recordIncident(c.actor, input, c));
}

export async function updateIncidentAction(id: string, input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line/incidents"], tag: "incident-update" }, (c) =>
    updateIncident(c.actor, id, input, c),
  );
}

/** The problem picker's search (problems the person may see). */
export async function findProblemsAction(q: string): Promise<ActionResult<LinkableProblem[]>> {
  return runAction({ revalidate: [], tag: "incident-problem-search" }, (c) => findLinkableProblems(c.actor, String(q)));
}
