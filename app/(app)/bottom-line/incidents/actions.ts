"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { recordIncident } from "@/lib/server/incidents/record-incident";

export async function recordIncidentAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line/incidents"], tag: "incident-action" }, (c) => recordIncident(c.actor, input, c));
}
