"use server";

import { redirect } from "next/navigation";
import { Conflict, Invalid } from "@/lib/errors";
import type { ActionResult } from "@/lib/schemas/action-result";
import { type ActionContext, runAction } from "@/lib/server/actions/run-action";
import { createProject } from "@/lib/server/projects/create-project";
import { reviewProject } from "@/lib/server/projects/review-project";
import { saveSourceControl } from "@/lib/server/projects/save-source-control";

const run = (projectId: string, work: (ctx: ActionContext) => Promise<unknown>) =>
  runAction({ revalidate: [`/enforcement/projects/${projectId}`, "/enforcement/projects"], tag: "project-action" }, work);

/** A refusal that is not a stale version (an EIA-intake suspension) is shown with its own reason. */
async function withReason<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const current = e instanceof Conflict ? (e.extra?.current as { version?: unknown } | undefined) : undefined;
    if (e instanceof Conflict && typeof current?.version !== "number") throw new Invalid({ _: [e.message] }, e.message);
    throw e;
  }
}

export async function createProjectAction(input: Record<string, string>): Promise<ActionResult> {
  let id = "";
  const result = await runAction({ revalidate: ["/enforcement/projects"], tag: "project-action" }, async (c) => {
    id = (await withReason(() => createProject(c.actor, input, c))).id;
  });
  if (result.ok) redirect(`/enforcement/projects/${id}`);
  return result;
}

export async function saveChecklistAction(
  projectId: string,
  input: { items: { item: string; verdict: string; note: string }[]; version: number },
): Promise<ActionResult> {
  return run(projectId, (c) => withReason(() => saveSourceControl(c.actor, String(projectId), input, c)));
}

export async function reviewProjectAction(
  projectId: string,
  input: { pass: boolean; comment: string; version: number },
): Promise<ActionResult> {
  return runAction(
    {
      revalidate: [`/enforcement/projects/${projectId}`, "/enforcement/projects"],
      tag: "project-action",
      ownRefusalText: true,
    },
    (c) => reviewProject(c.actor, String(projectId), input, c),
  );
}
