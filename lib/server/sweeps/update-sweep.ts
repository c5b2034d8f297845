import "server-only";
import { db } from "../../db";
import { formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { sweepUpdateSchema } from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { messageText } from "../workflow/workflow-text";
import { resolveChecklist, resolveTargets, targetRows } from "./sweep-checklist-targets";
import { type SweepSummaryDto, sweepInclude, toSweepDtos } from "./sweep-dto";

/**
 * Edits a sweep before anyone has checked a target: title, window, checklist (a kept template or a
 * new one — kept templates are shared, so their items are never changed in place) and targets, which
 * are chosen afresh. Once a target is checked the sweep is fixed (409): its results answer the
 * checklist they were recorded against. One transaction, one audit row with before and after.
 */
export async function updateSweep(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<SweepSummaryDto> {
  authorize(actor, "sweep.manage");
  const locale = opts.locale ?? "en";
  if (!isUuid(id)) throw new NotFound("Sweep not found");
  const input = parseInput(sweepUpdateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    // Locks the sweep so two edits of it run one after the other.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Sweep" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFound("Sweep not found");
    const before = await tx.sweep.findUniqueOrThrow({
      where: { id },
      include: { _count: { select: { targets: true } } },
    });
    const started = () => new Conflict(messageText(locale, "bottomLineForms.errors.sweepStarted"));
    if (await tx.sweepTarget.count({ where: { sweepId: id, checkedAt: { not: null } } })) throw started();
    const templateId =
      input.templateId === before.templateId ? before.templateId : await resolveChecklist(tx, actor, input, locale);
    const targets = await resolveTargets(tx, input, locale);
    // Only unchecked rows go; a check that slipped in meanwhile keeps its row and refuses the edit.
    await tx.sweepTarget.deleteMany({ where: { sweepId: id, checkedAt: null } });
    if (await tx.sweepTarget.count({ where: { sweepId: id } })) throw started();
    await tx.sweepTarget.createMany({ data: targetRows(id, targets) });
    const sweep = await tx.sweep.update({
      where: { id },
      data: {
        title: input.title,
        templateId,
        startsOn: parseCalendarDate(input.startsOn) as Date,
        endsOn: parseCalendarDate(input.endsOn) as Date,
        targetTags: input.targetTags,
      },
      include: sweepInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Sweep",
      entityId: id,
      action: "update",
      before: {
        title: before.title,
        templateId: before.templateId,
        startsOn: formatCalendarDate(before.startsOn),
        endsOn: formatCalendarDate(before.endsOn),
        targetTags: before.targetTags,
        targets: before._count.targets,
      },
      after: {
        title: sweep.title,
        templateId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        targetTags: input.targetTags,
        enterprises: targets.enterprises.length,
        parks: targets.parks.length,
      },
      requestId: opts.requestId,
    });
    return (await toSweepDtos(tx, actor, [sweep]))[0] as SweepSummaryDto;
  });
}
