import "server-only";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { parkUpdateSchema } from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { districtScope } from "../bottom-line/scope";
import { blInvalid } from "../bottom-line/text";
import { getSettings } from "../settings/get-settings";
import { type ParkDto, parkInclude, toParkDto } from "./park-dto";

/**
 * Edits a park's registration: name, kind, district and its enterprises — those listed are the
 * park's afterwards (an enterprise listed in another park moves here; one left out leaves the park).
 * One transaction, one audit row with what changed.
 */
export async function updatePark(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ParkDto> {
  authorize(actor, "park.manage");
  const locale = opts.locale ?? "en";
  if (!isUuid(id)) throw new NotFound("Park not found");
  const input = parseInput(parkUpdateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const park = await tx.park.findFirst({
      where: { id, ...districtScope(actor) },
      include: { enterprises: { select: { id: true }, orderBy: { id: "asc" } } },
    });
    if (!park) throw new NotFound("Park not found");
    if (!(await tx.district.findUnique({ where: { id: input.districtId }, select: { id: true } }))) {
      throw blInvalid(locale, "districtId", "unknownDistrict");
    }
    if (await tx.park.findFirst({ where: { name: input.name, id: { not: id } }, select: { id: true } })) {
      throw blInvalid(locale, "name", "parkNameTaken");
    }
    const ids = [...new Set(input.enterpriseIds)].sort();
    if ((await tx.enterprise.count({ where: { id: { in: ids } } })) !== ids.length) {
      throw blInvalid(locale, "enterpriseIds", "unknownEnterprise");
    }
    await tx.park.update({ where: { id }, data: { name: input.name, kind: input.kind, districtId: input.districtId } });
    await tx.enterprise.updateMany({ where: { parkId: id, id: { notIn: ids } }, data: { parkId: null } });
    if (ids.length) await tx.enterprise.updateMany({ where: { id: { in: ids } }, data: { parkId: id } });
    const d = diffFields(
      {
        name: park.name,
        kind: park.kind as string,
        districtId: park.districtId,
        enterpriseIds: park.enterprises.map((e) => e.id),
      },
      { name: input.name, kind: input.kind, districtId: input.districtId, enterpriseIds: ids },
    );
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Park",
      entityId: id,
      action: "update",
      ...d,
      requestId: opts.requestId,
    });
    const row = await tx.park.findUniqueOrThrow({ where: { id }, include: parkInclude });
    return toParkDto(row, bureauToday(opts.now), await getSettings(tx));
  });
}
