import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { incidentUpdateSchema } from "../../schemas/incident-edit";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import type { IncidentDto } from "../../schemas/self-review";
import { diffFields, writeAudit } from "../audit/write-audit";
import { problemScope } from "../problems/scope";
import { errorText, fieldText } from "../self-reviews/texts";
import { incidentInclude, toIncidentDtos } from "./incident-dto";
import { checkNamedEnterprise } from "./named-enterprise";
import { incidentScope } from "./scope";

/**
 * Edits an incident within the editor's scope (field officers: their district's, and it stays
 * there). The version the editor read must still be current (else 409). Linked problems the editor
 * cannot see are kept as they were; those sent must all be visible, and so must a newly named enterprise. The audit row holds the fields
 * that changed.
 */
export async function updateIncident(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<IncidentDto> {
  authorize(actor, "incident.record");
  const locale = opts.locale ?? "zh-CN";
  if (!isUuid(id)) throw new NotFound();
  const input = parseInput(incidentUpdateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const current = await tx.incident.findFirst({ where: { AND: [{ id }, incidentScope(actor)] }, include: incidentInclude });
    if (!current) throw new NotFound();
    if (current.version !== input.version) throw new Conflict(errorText("stale", locale), { version: current.version });
    const district = await tx.district.findUnique({ where: { code: input.districtCode } });
    if (!district) throw new Invalid({ districtCode: [localizeMessage("v.unknownDistrict", locale)] });
    if (actor.role === "FIELD_OFFICER" && actor.districtId !== district.id)
      throw new Invalid({ districtCode: [fieldText("outOfDistrict", locale)] });
    await checkNamedEnterprise(tx, actor, input.enterpriseId, locale, current.enterpriseId);
    const visibleBefore = new Set(
      current.problemIds.length
        ? (
            await tx.problem.findMany({
              where: { AND: [{ id: { in: current.problemIds } }, problemScope(actor)] },
              select: { id: true },
            })
          ).map((p) => p.id)
        : [],
    );
    if (input.problemIds.length) {
      const found = await tx.problem.count({ where: { AND: [{ id: { in: input.problemIds } }, problemScope(actor)] } });
      if (found !== input.problemIds.length) throw new Invalid({ problemIds: [fieldText("unknownProblems", locale)] });
    }
    const hidden = current.problemIds.filter((p) => !visibleBefore.has(p));
    const problemIds = [...input.problemIds, ...hidden.filter((p) => !input.problemIds.includes(p))];
    if (problemIds.length > 20) throw new Invalid({ problemIds: [localizeMessage("v.tooLong", locale)] });
    const updated = await tx.incident.updateMany({
      where: { id, version: input.version },
      data: {
        occurredOn: parseCalendarDate(input.occurredOn) as Date,
        title: input.title,
        districtId: district.id,
        enterpriseId: input.enterpriseId ?? null,
        type: input.type,
        level: input.level,
        cause: input.cause,
        response: input.response,
        problemIds,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Conflict(errorText("stale", locale));
    const saved = await tx.incident.findUniqueOrThrow({ where: { id }, include: incidentInclude });
    const view = (r: typeof current) => ({
      occurredOn: r.occurredOn.toISOString().slice(0, 10),
      title: r.title,
      districtCode: r.district.code,
      enterpriseId: r.enterpriseId,
      type: r.type,
      level: r.level,
      cause: r.cause,
      response: r.response,
      problemIds: r.problemIds,
    });
    const diff = diffFields(view(current), view(saved));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Incident",
      entityId: id,
      action: "update",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    const [dto] = await toIncidentDtos(tx, actor, [saved]);
    if (!dto) throw new NotFound();
    return dto;
  });
}
