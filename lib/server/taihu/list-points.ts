import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import type { PointDto } from "../../schemas/taihu";
import { toPointDto } from "./point-dto";

/**
 * Every active monitoring point (Taihu status is public to all roles), with its latest reading's
 * level and open episode; with `includeInactive` (those who manage points) the retired ones too.
 */
export async function listPoints(actor: Actor, opts: { includeInactive?: boolean } = {}): Promise<PointDto[]> {
  authorize(actor, opts.includeInactive ? "taihu.manage" : "taihu.read");
  const points = await db.taihuPoint.findMany({
    where: opts.includeInactive ? {} : { active: true },
    include: {
      district: true,
      readings: { orderBy: { day: "desc" }, take: 1 },
      episodes: { where: { endedOn: null }, orderBy: { startedOn: "desc" }, take: 1 },
    },
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { code: "asc" }],
  });
  return points.map((p) => toPointDto(p, p.readings[0] ?? null, p.episodes[0] ?? null));
}
