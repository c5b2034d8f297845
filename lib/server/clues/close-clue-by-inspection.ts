import "server-only";
import type { Tx } from "../../db";
import { Invalid } from "../../errors";
import type { Actor } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { writeAudit } from "../audit/write-audit";

/**
 * For the OFF_SITE inspection form: the clue it cites must exist and still be open (OPEN or
 * ASSIGNED); otherwise a 422 on `clueId`. Returns what the inspection needs to check it against
 * the inspected enterprise.
 */
export async function assertClueOpenForInspection(tx: Tx, clueId: string) {
  const clue = isUuid(clueId)
    ? await tx.clue.findUnique({
        where: { id: clueId },
        select: {
          id: true,
          status: true,
          districtId: true,
          series: { select: { outlet: { select: { enterpriseId: true } } } },
        },
      })
    : null;
  if (!clue) throw new Invalid({ clueId: ["所引用的非现场执法线索不存在"] });
  if (clue.status !== "OPEN" && clue.status !== "ASSIGNED")
    throw new Invalid({ clueId: ["所引用的线索已处理（已核查关闭或已排除），不能再作为非现场检查的依据"] });
  return { id: clue.id, districtId: clue.districtId, enterpriseId: clue.series.outlet.enterpriseId };
}

/** Closes the clue an OFF_SITE inspection cites, in the inspection's transaction, with its audit row. */
export async function closeClueByInspection(
  tx: Tx,
  input: { clueId: string; inspectionId: string; actor: Actor; requestId?: string },
) {
  await assertClueOpenForInspection(tx, input.clueId);
  const updated = await tx.clue.updateMany({
    where: { id: input.clueId, status: { in: ["OPEN", "ASSIGNED"] } },
    data: { status: "CLOSED", inspectionId: input.inspectionId, closedAt: new Date(), version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new Invalid({ clueId: ["所引用的线索刚被他人处理，请刷新后重试"] });
  await writeAudit(tx, {
    actorId: input.actor.id,
    entityType: "Clue",
    entityId: input.clueId,
    action: "clue.closed",
    after: { status: "CLOSED", inspectionId: input.inspectionId },
    requestId: input.requestId,
  });
}
