import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import type { LinkableProblem } from "../../schemas/incident-edit";
import { problemScope } from "../problems/scope";

/** Up to 10 problems the recorder may see whose code or title contains `q` (2–100 characters), newest first. */
export async function findLinkableProblems(actor: Actor, q: string): Promise<LinkableProblem[]> {
  authorize(actor, "incident.record");
  const text = q.trim().slice(0, 100);
  if (text.length < 2) return [];
  return db.problem.findMany({
    where: {
      AND: [
        problemScope(actor),
        { OR: [{ code: { contains: text, mode: "insensitive" } }, { title: { contains: text, mode: "insensitive" } }] },
      ],
    },
    select: { id: true, code: true, title: true },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
}
