"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { createSweep } from "@/lib/server/sweeps/create-sweep";
import { countTaggedTargets } from "@/lib/server/sweeps/sweep-form-options";
import { updateSweep } from "@/lib/server/sweeps/update-sweep";

/** The sweep form's server actions: each calls the same use case as its REST route. */

export async function createSweepAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({ revalidate: ["/bottom-line", "/bottom-line/sweeps"], tag: "sweep-create" }, async (ctx) => {
    const sweep = await createSweep(ctx.actor, input, ctx);
    return { id: sweep.id };
  });
}

export async function updateSweepAction(sweepId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(
    {
      revalidate: ["/bottom-line", "/bottom-line/sweeps", `/bottom-line/sweeps/${sweepId}`],
      tag: "sweep-update",
      ownRefusalText: true,
    },
    async (ctx) => {
      const sweep = await updateSweep(ctx.actor, sweepId, input, ctx);
      return { id: sweep.id };
    },
  );
}

export async function countTaggedTargetsAction(targetTags: string[]): Promise<ActionResult<number>> {
  return runAction({ revalidate: [], tag: "sweep-target-count" }, (ctx) => countTaggedTargets(ctx.actor, { targetTags }, ctx));
}
