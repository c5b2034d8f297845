import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { TransitionDto } from "../../schemas/workflow";
import { problemScope } from "../problems/scope";

/** A problem's workflow history, newest first; out of scope or unknown → 404 alike. */
export async function listTransitions(actor: Actor, id: string): Promise<TransitionDto[]> {
  authorize(actor, "problem.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({ where: { AND: [{ id }, problemScope(actor)] }, select: { id: true } });
  if (!problem) throw new NotFound("Problem not found");
  const rows = await db.problemTransition.findMany({
    where: { problemId: id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 500,
    include: { actor: { select: { displayName: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action as TransitionDto["action"],
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    actorId: r.actorId,
    actorName: r.actor.displayName,
    comment: r.comment,
    at: r.at.toISOString(),
  }));
}
