import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { mayUpdateMeasure, measuresEditable } from "../../domain/measure-rules";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type MeasureDetailDto, measureCompleteSchema } from "../../schemas/measure";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { refreshDerived } from "../workflow/refresh-derived";
import { lockVisibleMeasure, measureInclude, measureSnapshot, readOnlyMeasures, toMeasureDetailDto } from "./measure-dto";
import { STALE_MEASURE } from "./update-measure";

/** Marks a measure done: 100 %, status DONE, completed now. The problem's progress and colour follow. */
export async function completeMeasure(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<MeasureDetailDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "measure.update");
  const { version } = parseInput(measureCompleteSchema, raw, locale);
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    const { measure, problem } = await lockVisibleMeasure(tx, actor, id);
    if (!mayUpdateMeasure(actor, problem, measure, true)) {
      throw new Forbidden("Only the owning unit, the lead division or the coordinator completes this measure");
    }
    if (!measuresEditable(problem.status)) throw readOnlyMeasures(locale);
    if (measure.version !== version) throw new Conflict(STALE_MEASURE, toMeasureDetailDto(measure, problem));
    if (measure.status === "DONE") {
      throw new Invalid({ status: [localizeMessage("v.measureAlreadyDone", locale)] }, "This measure is already done");
    }
    const updated = await tx.measure.updateMany({
      where: { id, version },
      data: { percent: 100, status: "DONE", completedAt: now, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict(STALE_MEASURE, toMeasureDetailDto(measure, problem));
    const derived = await refreshDerived(tx, problem.id, now);
    const after = await tx.measure.findUniqueOrThrow({ where: { id }, include: measureInclude });
    const diff = diffFields(measureSnapshot(measure), measureSnapshot(after));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Measure",
      entityId: id,
      action: "complete",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return toMeasureDetailDto(after, derived);
  });
}
