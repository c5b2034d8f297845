import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { inspectionRuleBreaches } from "../../domain/enforcement";
import { type FieldErrors, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { inspectionCreateSchema } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { assertClueOpenForInspection, closeClueByInspection } from "../clues/close-clue-by-inspection";
import { type InspectionDto, inspectionInclude, toInspectionDtos } from "./inspection-dto";
import { enterpriseScope } from "./scope";

/**
 * `POST /api/v1/inspections`: records an inspection of a visible enterprise. The four mode rules
 * (lib/domain/enforcement.ts) are checked against the people and units as stored; a breach is a
 * 422 naming the rule on the field it concerns. A field officer records inspections they take
 * part in. Everything is written in one transaction with its audit row.
 */
export async function createInspection(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<InspectionDto> {
  authorize(actor, "inspection.create");
  const input = parseInput(inspectionCreateSchema, raw, opts.locale);
  const inspectorIds = [...new Set(input.inspectorIds)];
  return db.$transaction(async (tx) => {
    const fields: FieldErrors = {};
    const add = (field: string, message: string) => {
      fields[field] = [...(fields[field] ?? []), message];
    };
    const enterprise = await tx.enterprise.findFirst({
      where: { id: input.enterpriseId, ...enterpriseScope(actor) },
      select: { id: true, districtId: true, name: true },
    });
    if (!enterprise) throw new Invalid({ enterpriseId: ["未找到该企业"] });
    if (input.actionId && !(await tx.campaignAction.findUnique({ where: { id: input.actionId }, select: { id: true } }))) {
      add("actionId", "未找到该专项行动");
    }
    const leadUnitId = input.leadUnitId ?? actor.unitId;
    const leadUnit = leadUnitId
      ? await tx.unit.findFirst({ where: { id: leadUnitId, active: true }, select: { kind: true, districtId: true } })
      : null;
    if (!leadUnit) add("leadUnitId", "请选择牵头单位");
    const people = await tx.user.findMany({
      where: { id: { in: inspectorIds }, active: true },
      select: { id: true, displayName: true, role: true, districtId: true, unit: { select: { districtId: true } } },
    });
    if (people.length !== inspectorIds.length) add("inspectorIds", "检查人员中有未知或已停用的账号");
    if (actor.role === "FIELD_OFFICER" && !inspectorIds.includes(actor.id)) add("inspectorIds", "记录人须是检查人员之一");
    if (Object.keys(fields).length) throw new Invalid(fields);
    const breaches = inspectionRuleBreaches({
      mode: input.mode,
      enterpriseDistrictId: enterprise.districtId,
      inspectors: people.map((p) => ({
        id: p.id,
        name: p.displayName,
        isEnforcementOfficer: p.role === "FIELD_OFFICER",
        unitDistrictId: p.unit?.districtId ?? null,
        districtId: p.districtId,
      })),
      leadUnit: leadUnit as { kind: string; districtId: string | null },
      clueId: input.clueId,
    });
    if (breaches.length) {
      for (const b of breaches) add(b.field, b.message);
      throw new Invalid(fields, breaches.map((b) => b.message).join("；"));
    }
    if (input.mode === "OFF_SITE" && input.clueId) {
      const clue = await assertClueOpenForInspection(tx, input.clueId);
      if (clue.enterpriseId !== enterprise.id) throw new Invalid({ clueId: ["所引用的线索不是被检查企业的线索"] });
    }
    const created = await tx.inspection.create({
      data: {
        enterpriseId: enterprise.id,
        actionId: input.actionId ?? null,
        inspectedOn: parseCalendarDate(input.inspectedOn) as Date,
        mode: input.mode,
        leadUnitId: leadUnitId as string,
        findings: input.findings,
        result: input.result,
        clueId: input.clueId ?? null,
        createdById: actor.id,
        inspectors: { create: inspectorIds.map((userId) => ({ userId })) },
      },
      include: inspectionInclude,
    });
    // An OFF_SITE inspection closes the clue it cites, in this same transaction.
    if (input.mode === "OFF_SITE" && input.clueId) {
      await closeClueByInspection(tx, { clueId: input.clueId, inspectionId: created.id, actor, requestId: opts.requestId });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Inspection",
      entityId: created.id,
      action: "create",
      after: {
        enterprise: enterprise.name,
        inspectedOn: input.inspectedOn,
        mode: input.mode,
        result: input.result,
        inspectorIds,
        leadUnitId,
        clueId: input.clueId ?? null,
        findings: input.findings,
      },
      requestId: opts.requestId,
    });
    const [dto] = await toInspectionDtos(tx, [created]);
    return dto as InspectionDto;
  });
}
