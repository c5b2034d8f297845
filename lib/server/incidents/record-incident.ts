import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type IncidentDto, incidentCreateSchema } from "../../schemas/self-review";
import { writeAudit } from "../audit/write-audit";
import { problemScope } from "../problems/scope";
import { fieldText } from "../self-reviews/texts";
import { incidentInclude, toIncidentDtos } from "./incident-dto";
import { checkNamedEnterprise } from "./named-enterprise";

/** Records an incident; a field officer only in its own district. Linked problems and the enterprise named must be visible to the recorder. */
export async function recordIncident(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<IncidentDto> {
  authorize(actor, "incident.record");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(incidentCreateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const district = await tx.district.findUnique({ where: { code: input.districtCode } });
    if (!district) throw new Invalid({ districtCode: [localizeMessage("v.unknownDistrict", locale)] });
    if (actor.role === "FIELD_OFFICER" && actor.districtId !== district.id)
      throw new Invalid({ districtCode: [fieldText("outOfDistrict", locale)] });
    await checkNamedEnterprise(tx, actor, input.enterpriseId, locale);
    if (input.problemIds.length) {
      const found = await tx.problem.count({ where: { AND: [{ id: { in: input.problemIds } }, problemScope(actor)] } });
      if (found !== input.problemIds.length) throw new Invalid({ problemIds: [fieldText("unknownProblems", locale)] });
    }
    const row = await tx.incident.create({
      data: {
        occurredOn: parseCalendarDate(input.occurredOn) as Date,
        title: input.title,
        districtId: district.id,
        enterpriseId: input.enterpriseId ?? null,
        type: input.type,
        level: input.level,
        cause: input.cause,
        response: input.response,
        problemIds: input.problemIds,
        recordedById: actor.id,
      },
      include: incidentInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Incident",
      entityId: row.id,
      action: "create",
      after: input,
      requestId: opts.requestId,
    });
    const [dto] = await toIncidentDtos(tx, actor, [row]);
    if (!dto) throw new NotFound();
    return dto;
  });
}
