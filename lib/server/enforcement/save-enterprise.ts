import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { enterpriseCreateSchema, enterprisePatchSchema } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../problems/create-problem";
import { type EnterpriseDto, enterpriseInclude, enterpriseSnapshot, toEnterpriseDto } from "./enterprise-dto";
import { enterpriseScope } from "./scope";

async function districtIdOf(code: string): Promise<string> {
  const d = await db.district.findUnique({ where: { code }, select: { id: true } });
  if (!d) throw new Invalid({ districtCode: ["未知的属地"] });
  return d.id;
}

/** `POST /api/v1/enterprises`: registers an enterprise (credit code checked by GB 32100-2015, unique). */
export async function createEnterprise(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<EnterpriseDto> {
  authorize(actor, "enterprise.manage");
  const input = parseInput(enterpriseCreateSchema, raw, opts.locale);
  const districtId = await districtIdOf(input.districtCode);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.enterprise.create({
        data: {
          creditCode: input.creditCode,
          name: input.name,
          districtId,
          address: input.address ?? "",
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          industry: input.industry ?? "",
          tags: input.tags,
          status: input.status,
          closedOn: input.closedOn ? parseCalendarDate(input.closedOn) : null,
        },
        include: enterpriseInclude,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Enterprise",
        entityId: row.id,
        action: "create",
        after: enterpriseSnapshot(row),
        requestId: opts.requestId,
      });
      return toEnterpriseDto(row);
    });
  } catch (e) {
    if (isUniqueViolation(e, "creditCode")) throw new Invalid({ creditCode: ["该统一社会信用代码已在企业库中"] });
    throw e;
  }
}

/** `PATCH /api/v1/enterprises/{id}`: version-checked edit (the credit code is the key and never changes). */
export async function updateEnterprise(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<EnterpriseDto> {
  authorize(actor, "enterprise.manage");
  if (!isUuid(id)) throw new NotFound("Enterprise not found");
  const input = parseInput(enterprisePatchSchema, raw, opts.locale);
  const districtId = input.districtCode ? await districtIdOf(input.districtCode) : undefined;
  return db.$transaction(async (tx) => {
    const current = await tx.enterprise.findFirst({ where: { id, ...enterpriseScope(actor) }, include: enterpriseInclude });
    if (!current) throw new NotFound("Enterprise not found");
    const status = input.status ?? current.status;
    const closedOn = input.closedOn !== undefined ? input.closedOn : current.closedOn ? "keep" : null;
    if (status === "CLOSED" && !closedOn) throw new Invalid({ closedOn: ["关闭的企业须填写关闭日期"] });
    if (status !== "CLOSED" && input.closedOn) throw new Invalid({ closedOn: ["只有已关闭的企业才填写关闭日期"] });
    const updated = await tx.enterprise.updateMany({
      where: { id, version: input.version },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(districtId && { districtId }),
        ...(input.address !== undefined && { address: input.address ?? "" }),
        ...(input.lat !== undefined && { lat: input.lat }),
        ...(input.lng !== undefined && { lng: input.lng }),
        ...(input.industry !== undefined && { industry: input.industry ?? "" }),
        ...(input.tags !== undefined && { tags: input.tags }),
        status,
        closedOn: status !== "CLOSED" ? null : input.closedOn ? parseCalendarDate(input.closedOn) : current.closedOn,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Conflict("该企业已被他人修改，请刷新后再改", toEnterpriseDto(current));
    const after = await tx.enterprise.findUniqueOrThrow({ where: { id }, include: enterpriseInclude });
    const diff = diffFields(enterpriseSnapshot(current), enterpriseSnapshot(after));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: id,
      action: "update",
      ...diff,
      requestId: opts.requestId,
    });
    return toEnterpriseDto(after);
  });
}
