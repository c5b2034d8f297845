import "server-only";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { districtScope } from "../bottom-line/scope";
import { getSettings } from "../settings/get-settings";
import { type ParkDto, parkInclude, toParkDto } from "./park-dto";

/** The parks in the person's scope (district order, then name), each with its roll-up per level. */
export async function listParks(actor: Actor, opts: { now?: Date } = {}): Promise<{ items: ParkDto[] }> {
  authorize(actor, "park.read");
  const [rows, settings] = await Promise.all([
    db.park.findMany({
      where: districtScope(actor),
      include: parkInclude,
      orderBy: [{ district: { code: "asc" } }, { name: "asc" }],
    }),
    getSettings(),
  ]);
  const today = bureauToday(opts.now);
  return { items: rows.map((p) => toParkDto(p, today, settings)) };
}

/** One park in scope: enterprises, plan items with pace colours, assessments and drills. */
export async function getPark(actor: Actor, id: string, opts: { now?: Date } = {}): Promise<ParkDto> {
  authorize(actor, "park.read");
  if (!isUuid(id)) throw new NotFound("Park not found");
  const row = await db.park.findFirst({ where: { id, ...districtScope(actor) }, include: parkInclude });
  if (!row) throw new NotFound("Park not found");
  return toParkDto(row, bureauToday(opts.now), await getSettings());
}
