"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { editPreventionItem } from "@/lib/server/parks/edit-prevention-item";
import { createPark } from "@/lib/server/parks/park-writes";
import { updatePark } from "@/lib/server/parks/update-park";

/** The park forms' server actions: each calls the same use case as its REST route. */

export async function createParkAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({ revalidate: ["/bottom-line", "/bottom-line/parks"], tag: "park-create" }, async (ctx) => {
    const park = await createPark(ctx.actor, input, ctx);
    return { id: park.id };
  });
}

export async function updateParkAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(
    { revalidate: ["/bottom-line", "/bottom-line/parks", `/bottom-line/parks/${parkId}`], tag: "park-update" },
    async (ctx) => {
      const park = await updatePark(ctx.actor, parkId, input, ctx);
      return { id: park.id };
    },
  );
}

export async function editPreventionItemAction(parkId: string, itemId: string, input: unknown): Promise<ActionResult> {
  return runAction({ revalidate: [`/bottom-line/parks/${parkId}`], tag: "prevention-item-edit" }, (ctx) =>
    editPreventionItem(ctx.actor, parkId, itemId, input, ctx),
  );
}
