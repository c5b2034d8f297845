"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { decidePenalty } from "@/lib/server/penalties/decide-penalty";
import { recordPenaltyPayment } from "@/lib/server/penalties/record-payment";

/** The penalty panel's and page's actions; both pages refresh after each. */
const revalidate = ["/dashboard", "/penalties"];

export async function decidePenaltyAction(
  proposalId: string,
  input: { decision: string; reason?: string; version: number },
): Promise<ActionResult> {
  return runAction({ revalidate, tag: "penalty-decision" }, (c) => decidePenalty(c.actor, String(proposalId), input, c));
}

export async function recordPenaltyPaymentAction(decisionId: string, input: { paidOn: string }): Promise<ActionResult> {
  return runAction({ revalidate, tag: "penalty-payment" }, (c) => recordPenaltyPayment(c.actor, String(decisionId), input, c));
}
