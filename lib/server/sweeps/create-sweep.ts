import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { sweepCreateSchema } from "../../schemas/bottom-line";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { blInvalid } from "../bottom-line/text";
import { type SweepSummaryDto, sweepInclude, toSweepDtos } from "./sweep-dto";

/**
 * Opens a hazard sweep: its checklist (a kept template, or a new one kept for reuse) and its
 * targets — the register's operating or stopped enterprises carrying any of the tags, and the
 * chosen parks — each target in its own district. One transaction, one audit row.
 */
export async function createSweep(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<SweepSummaryDto> {
  authorize(actor, "sweep.manage");
  const locale = opts.locale ?? "en";
  const input = parseInput(sweepCreateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    let templateId = input.templateId;
    if (input.template) {
      const taken = await tx.sweepTemplate.findUnique({ where: { name: input.template.name }, select: { id: true } });
      if (taken) throw blInvalid(locale, "template.name", "templateNameTaken");
      const created = await tx.sweepTemplate.create({
        data: {
          name: input.template.name,
          description: input.template.description ?? "",
          createdById: actor.id,
          items: {
            create: input.template.items.map((item, i) => ({
              position: i + 1,
              title: item.title,
              guidance: item.guidance ?? "",
            })),
          },
        },
      });
      templateId = created.id;
    } else if (!(await tx.sweepTemplate.findUnique({ where: { id: templateId }, select: { id: true } }))) {
      throw blInvalid(locale, "templateId", "unknownTemplate");
    }
    const enterprises = input.targetTags.length
      ? await tx.enterprise.findMany({
          where: { tags: { hasSome: input.targetTags }, status: { in: ["OPERATING", "STOPPED"] } },
          select: { id: true, districtId: true },
        })
      : [];
    const parkIds = [...new Set(input.parkIds)];
    const parks = await tx.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, districtId: true } });
    if (parks.length !== parkIds.length) throw blInvalid(locale, "parkIds", "unknownPark");
    if (enterprises.length + parks.length === 0) throw blInvalid(locale, "targetTags", "noTargets");
    const sweep = await tx.sweep.create({
      data: {
        title: input.title,
        templateId: templateId as string,
        startsOn: parseCalendarDate(input.startsOn) as Date,
        endsOn: parseCalendarDate(input.endsOn) as Date,
        targetTags: input.targetTags,
        createdById: actor.id,
      },
      include: sweepInclude,
    });
    await tx.sweepTarget.createMany({
      data: [
        ...enterprises.map((e) => ({ sweepId: sweep.id, enterpriseId: e.id, districtId: e.districtId })),
        ...parks.map((p) => ({ sweepId: sweep.id, parkId: p.id, districtId: p.districtId })),
      ],
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Sweep",
      entityId: sweep.id,
      action: "create",
      after: {
        title: sweep.title,
        templateId,
        targetTags: input.targetTags,
        enterprises: enterprises.length,
        parks: parks.length,
      },
      requestId: opts.requestId,
    });
    return (await toSweepDtos(tx, actor, [sweep]))[0] as SweepSummaryDto;
  });
}
