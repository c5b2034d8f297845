"use server";

import type { ActionResult } from "@/components/workflow/action-result";
import { runAction } from "@/components/workflow/run-action";
import { recordReading } from "@/lib/server/taihu/save-readings";

export async function recordReadingAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: ["/bottom-line/taihu"], tag: "taihu-action" }, (c) => recordReading(c.actor, input, c));
}
