"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { recordReading } from "@/lib/server/taihu/save-readings";

export async function recordReadingAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line/taihu"], tag: "taihu-action" }, (c) => recordReading(c.actor, input, c));
}
