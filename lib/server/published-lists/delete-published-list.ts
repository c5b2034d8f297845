import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { writeAudit } from "../audit/write-audit";

/** Deletes a wrongly imported list; the audit row keeps what it held. */
export async function deletePublishedList(actor: Actor, id: string, opts: { requestId?: string } = {}): Promise<{ id: string }> {
  authorize(actor, "indicator.import");
  if (!isUuid(id)) throw new NotFound();
  return db.$transaction(async (tx) => {
    const list = await tx.publishedList.findUnique({ where: { id }, include: { entries: { orderBy: { position: "asc" } } } });
    if (!list) throw new NotFound();
    await tx.publishedList.delete({ where: { id } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PublishedList",
      entityId: id,
      action: "delete",
      before: {
        indicator: list.indicator,
        year: list.year,
        month: list.month,
        cumulative: list.cumulative,
        kind: list.kind,
        scope: list.scope,
        size: list.size,
        source: list.source,
        entries: list.entries.map((e) => `${e.printedRank} ${e.printedName} (${e.unitCode})`),
      },
      requestId: opts.requestId,
    });
    return { id };
  });
}
