import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";

export type SectionHistoryEntry = {
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

/** Who registered and changed a section, and when, newest first. */
export async function getSectionHistory(actor: Actor, sectionId: string): Promise<SectionHistoryEntry[]> {
  authorize(actor, "indicator.read");
  const rows = await db.auditLog.findMany({
    where: { entityType: "WaterSection", entityId: sectionId },
    orderBy: { id: "desc" },
    take: 100,
    select: { at: true, action: true, before: true, after: true, actor: { select: { displayName: true } } },
  });
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorName: r.actor?.displayName ?? null,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
