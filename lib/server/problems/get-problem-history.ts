import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { problemScope } from "./scope";

export type HistoryEntry = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
};

/** The audit trail of a problem, its measures, its evidence (uploads, reviews, integrity checks) and its findings, newest first. */
export async function getProblemHistory(actor: Actor, id: string): Promise<HistoryEntry[]> {
  authorize(actor, "problem.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    select: {
      id: true,
      measures: { select: { id: true } },
      evidence: { select: { id: true } },
      findings: { select: { id: true } },
    },
  });
  if (!problem) throw new NotFound("Problem not found");
  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { entityType: "Problem", entityId: id },
        { entityType: "Measure", entityId: { in: problem.measures.map((m) => m.id) } },
        { entityType: "Evidence", entityId: { in: problem.evidence.map((e) => e.id) } },
        { entityType: "RectificationFinding", entityId: { in: problem.findings.map((f) => f.id) } },
      ],
    },
    orderBy: { id: "desc" },
    take: 500,
    include: { actor: { select: { displayName: true } } },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actor?.displayName ?? null,
    action: r.action,
    entityType: r.entityType,
    before: r.before,
    after: r.after,
  }));
}
