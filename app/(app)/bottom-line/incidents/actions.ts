"use server";

import type { ActionResult } from "@/components/workflow/action-result";
import { runAction } from "@/components/workflow/run-action";
import { recordIncident } from "@/lib/server/incidents/record-incident";

export async function recordIncidentAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line/incidents"], tag: "incident-action" }, (c) => recordIncident(c.actor, input, c));
}
