"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { updatePenaltyRules } from "@/lib/server/penalties/penalty-rules";

export async function updatePenaltyRulesAction(input: {
  effectiveFrom: string;
  rules: Record<string, unknown>;
  reason: string;
}): Promise<ActionResult> {
  return runAction({ revalidate: ["/admin/penalty-rules", "/dashboard", "/penalties"], tag: "penalty-rules" }, (c) =>
    updatePenaltyRules(c.actor, input, c),
  );
}
