import "server-only";
import { db } from "../../db";
import { HOUR_MS } from "../../domain/clue-detection";
import { NotFound } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { CLUE_INCLUDE, clueDto } from "./clue-dto";
import { clueScope } from "./scope";

/** Hours of context drawn on each side of the window. */
const CONTEXT_HOURS = 24;
const MAX_POINTS = 2_000;

/** A clue with its readings (the window plus a day each side), its history and who may be assigned. */
export async function getClue(actor: Actor, id: string) {
  authorize(actor, "clue.read");
  if (!isUuid(id)) throw new NotFound("Clue not found");
  const clue = await db.clue.findFirst({ where: { AND: [{ id }, clueScope(actor)] }, include: CLUE_INCLUDE });
  if (!clue) throw new NotFound("Clue not found");
  const from = new Date(clue.windowStart.getTime() - CONTEXT_HOURS * HOUR_MS);
  const to = new Date(clue.windowEnd.getTime() + CONTEXT_HOURS * HOUR_MS);
  const [readings, history, assignees] = await Promise.all([
    db.monitoringReading.findMany({
      where: { seriesId: clue.seriesId, hour: { gte: from, lte: to } },
      orderBy: { hour: "asc" },
      take: MAX_POINTS,
      select: { hour: true, value: true, limit: true },
    }),
    db.auditLog.findMany({
      where: { entityType: "Clue", entityId: id },
      orderBy: { id: "asc" },
      include: { actor: { select: { displayName: true } } },
    }),
    can(actor, "clue.assign")
      ? db.user.findMany({
          where: {
            active: true,
            OR: [{ role: "FIELD_OFFICER", districtId: clue.districtId }, { role: { in: ["DIVISION_HEAD", "COORDINATOR"] } }],
          },
          select: { id: true, displayName: true, role: true },
          orderBy: [{ role: "desc" }, { displayName: "asc" }],
          take: 200,
        })
      : Promise.resolve([]),
  ]);
  return {
    clue: clueDto(clue),
    readings: readings.map((r) => ({ hour: r.hour.toISOString(), value: r.value, limit: r.limit })),
    history: history.map((h) => ({
      id: h.id.toString(),
      at: h.at.toISOString(),
      actorName: h.actor?.displayName ?? null,
      action: h.action,
      before: h.before,
      after: h.after,
    })),
    assignees,
  };
}
