"use server";

import type { ActionResult } from "@/lib/schemas/action-result";
import { runAction } from "@/lib/server/actions/run-action";
import { createPoint } from "@/lib/server/taihu/create-point";
import { updatePoint } from "@/lib/server/taihu/update-point";

const paths = ["/bottom-line/taihu", "/bottom-line/taihu/points"];

export async function createPointAction(input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: paths, tag: "taihu-point-create" }, (c) => createPoint(c.actor, input, c));
}

export async function updatePointAction(id: string, input: Record<string, unknown>): Promise<ActionResult> {
  return runAction({ revalidate: paths, tag: "taihu-point-update" }, (c) => updatePoint(c.actor, id, input, c));
}
