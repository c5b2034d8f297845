import "server-only";
import { db } from "../../db";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type PointDto, pointCreateSchema } from "../../schemas/taihu";
import { writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../problems/create-problem";
import { fieldText } from "../self-reviews/texts";
import { toPointDto } from "./point-dto";

/** A monitoring point with its thresholds (the coordinator or an administrator). */
export async function createPoint(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<PointDto> {
  authorize(actor, "taihu.manage");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(pointCreateSchema, raw, locale);
  try {
    return await db.$transaction(async (tx) => {
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
      const p = await tx.taihuPoint.create({
        data: {
          code: input.code,
          name: input.name,
          kind: input.kind,
          location: input.location ?? null,
          districtId,
          dutyLeaderId: input.dutyLeaderId ?? null,
          algaeWarn: input.algaeWarn ?? null,
          algaeAlert: input.algaeAlert ?? null,
          bloomWarn: input.bloomWarn ?? null,
          bloomAlert: input.bloomAlert ?? null,
        },
        include: { district: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "TaihuPoint",
        entityId: p.id,
        action: "create",
        after: input,
        requestId: opts.requestId,
      });
      return toPointDto(p, null, null);
    });
  } catch (e) {
    if (isUniqueViolation(e, "code")) throw new Invalid({ code: [fieldText("duplicateCode", locale)] });
    throw e;
  }
}
