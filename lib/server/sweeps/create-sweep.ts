import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { sweepCreateSchema } from "../../schemas/bottom-line";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { resolveChecklist, resolveTargets, targetRows } from "./sweep-checklist-targets";
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
    const templateId = await resolveChecklist(tx, actor, input, locale);
    const targets = await resolveTargets(tx, input, locale);
    const { enterprises, parks } = targets;
    const sweep = await tx.sweep.create({
      data: {
        title: input.title,
        templateId,
        startsOn: parseCalendarDate(input.startsOn) as Date,
        endsOn: parseCalendarDate(input.endsOn) as Date,
        targetTags: input.targetTags,
        createdById: actor.id,
      },
      include: sweepInclude,
    });
    await tx.sweepTarget.createMany({ data: targetRows(sweep.id, targets) });
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
