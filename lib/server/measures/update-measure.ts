import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import {
  completedAtFor,
  mayManageMeasures,
  mayUpdateMeasure,
  measureStatusFor,
  measuresEditable,
} from "../../domain/measure-rules";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { MEASURE_DETAIL_FIELDS, type MeasureDetailDto, measureUpdateSchema } from "../../schemas/measure";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { refreshDerived } from "../workflow/refresh-derived";
import {
  checkOwnerUnit,
  lockVisibleMeasure,
  measureInclude,
  measureSnapshot,
  readOnlyMeasures,
  toMeasureDetailDto,
} from "./measure-dto";

export const STALE_MEASURE = "This measure was changed by someone else; review the current record";

/**
 * Edits a measure with optimistic locking. Its details (description, owner, milestone, weight)
 * belong to the coordinator and the lead division (`measure.manage`); its percent done may also be
 * recorded by the owning unit and field officers in scope (`measure.update`), and sets its status
 * (0 not started, 1–99 in progress, 100 done) and completion time. A stale version → 409 with the
 * current measure. The problem's progress and colour are recomputed in the same transaction.
 */
export async function updateMeasure(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<MeasureDetailDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "measure.update");
  const input = parseInput(measureUpdateSchema, raw, locale);
  const { version, percent, ...details } = input;
  const detailKeys = MEASURE_DETAIL_FIELDS.filter((k) => details[k] !== undefined);
  if (detailKeys.length > 0) authorize(actor, "measure.manage");
  if (detailKeys.length === 0 && percent === undefined) throw new Invalid({ _: [localizeMessage("v.nothingToChange", locale)] });
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    const { measure, problem } = await lockVisibleMeasure(tx, actor, id);
    if (detailKeys.length > 0 && !mayManageMeasures(actor, problem, can(actor, "measure.manage"))) {
      throw new Forbidden("Only the coordinator or the lead division edits a measure's details");
    }
    if (percent !== undefined && !mayUpdateMeasure(actor, problem, measure, true)) {
      throw new Forbidden("Only the owning unit, the lead division or the coordinator records this measure's progress");
    }
    if (!measuresEditable(problem.status)) throw readOnlyMeasures(locale);
    if (measure.version !== version) throw new Conflict(STALE_MEASURE, toMeasureDetailDto(measure, problem));
    if (details.ownerUnitId !== undefined) await checkOwnerUnit(tx, details.ownerUnitId, locale);

    const updated = await tx.measure.updateMany({
      where: { id, version },
      data: {
        ...(details.description !== undefined && { description: details.description }),
        ...(details.ownerUnitId !== undefined && { ownerUnitId: details.ownerUnitId }),
        ...(details.ownerPerson !== undefined && { ownerPerson: details.ownerPerson }),
        ...(details.milestone !== undefined && {
          milestone: details.milestone === null ? null : parseCalendarDate(details.milestone),
        }),
        ...(details.weight !== undefined && { weight: details.weight }),
        ...(percent !== undefined && {
          percent,
          status: measureStatusFor(percent),
          completedAt: completedAtFor(percent, measure.completedAt, now),
        }),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Conflict(STALE_MEASURE, toMeasureDetailDto(measure, problem));
    const derived = await refreshDerived(tx, problem.id, now);
    const after = await tx.measure.findUniqueOrThrow({ where: { id }, include: measureInclude });
    const diff = diffFields(measureSnapshot(measure), measureSnapshot(after));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Measure",
      entityId: id,
      action: detailKeys.length > 0 ? "update" : "progress",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return toMeasureDetailDto(after, derived);
  });
}
