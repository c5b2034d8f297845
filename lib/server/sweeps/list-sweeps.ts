import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { type SweepSummaryDto, sweepInclude, toSweepDtos } from "./sweep-dto";

/** Every sweep, newest first, with progress over the targets the person may see. */
export async function listSweeps(actor: Actor): Promise<{ items: SweepSummaryDto[] }> {
  authorize(actor, "sweep.read");
  const sweeps = await db.sweep.findMany({
    include: sweepInclude,
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    take: 200,
  });
  return { items: await toSweepDtos(db, actor, sweeps) };
}
