import "server-only";
import { db } from "../../db";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type PointDto, pointUpdateSchema } from "../../schemas/taihu";
import { diffFields, writeAudit } from "../audit/write-audit";
import { errorText, fieldText } from "../self-reviews/texts";
import { thresholdsOf, toPointDto } from "./point-dto";

/**
 * Edits a point: name, kind, location, district, duty leader, thresholds, active. The code stays (it
 * keys imports). The version the editor saw must still be current (else 409); the audit row keeps
 * only the fields that changed, thresholds as numbers, so a changed threshold reads as "from → to".
 */
export async function updatePoint(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<PointDto> {
  authorize(actor, "taihu.manage");
  const locale = opts.locale ?? "zh-CN";
  if (!isUuid(id)) throw new NotFound();
  const input = parseInput(pointUpdateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const current = await tx.taihuPoint.findUnique({ where: { id }, include: { district: true } });
    if (!current) throw new NotFound();
    if (current.version !== input.version) throw new Conflict(errorText("stale", locale), { version: current.version });
    let districtId: string | null = null;
    if (input.districtCode) {
      const d = await tx.district.findUnique({ where: { code: input.districtCode } });
      if (!d) throw new Invalid({ districtCode: [localizeMessage("v.unknownDistrict", locale)] });
      districtId = d.id;
    }
    if (input.dutyLeaderId) {
      const leader = await tx.user.findFirst({ where: { id: input.dutyLeaderId, role: "LEADER", active: true } });
      if (!leader) throw new Invalid({ dutyLeaderId: [fieldText("unknownLeader", locale)] });
    }
    const data = {
      name: input.name,
      kind: input.kind,
      location: input.location ?? null,
      districtId,
      dutyLeaderId: input.dutyLeaderId ?? null,
      active: input.active ?? current.active,
      algaeWarn: input.algaeWarn ?? null,
      algaeAlert: input.algaeAlert ?? null,
      bloomWarn: input.bloomWarn ?? null,
      bloomAlert: input.bloomAlert ?? null,
    };
    const updated = await tx.taihuPoint.updateMany({
      where: { id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict(errorText("stale", locale));
    const saved = await tx.taihuPoint.findUniqueOrThrow({ where: { id }, include: { district: true } });
    const view = (p: typeof current) => ({
      name: p.name,
      kind: p.kind,
      location: p.location,
      districtCode: p.district?.code ?? null,
      dutyLeaderId: p.dutyLeaderId,
      active: p.active,
      ...thresholdsOf(p),
    });
    const diff = diffFields(view(current), view(saved));
    const thresholdChanged = (["algaeWarn", "algaeAlert", "bloomWarn", "bloomAlert"] as const).some((k) => k in diff.after);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "TaihuPoint",
      entityId: id,
      action: thresholdChanged ? "thresholds.change" : "update",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return toPointDto(saved, null, null);
  });
}
