import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { mayManageMeasures, measureDeletable, measuresEditable } from "../../domain/measure-rules";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { measureDeleteQuerySchema } from "../../schemas/measure";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { refreshDerived } from "../workflow/refresh-derived";
import { lockVisibleMeasure, measureSnapshot, readOnlyMeasures, toMeasureDetailDto } from "./measure-dto";
import { STALE_MEASURE } from "./update-measure";

/**
 * Deletes a measure nobody has started, while the problem is not past RECTIFYING; the later
 * measures move up one place. `raw` carries the version the caller saw.
 */
export async function deleteMeasure(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<void> {
  const locale = opts.locale ?? "en";
  authorize(actor, "measure.manage");
  const { version } = parseInput(measureDeleteQuerySchema, raw, locale);
  const now = opts.now ?? clockNow();

  await db.$transaction(async (tx) => {
    const { measure, problem } = await lockVisibleMeasure(tx, actor, id);
    if (!mayManageMeasures(actor, problem, true))
      throw new Forbidden("Only the coordinator or the lead division deletes measures");
    if (!measuresEditable(problem.status)) throw readOnlyMeasures(locale);
    if (measure.version !== version) throw new Conflict(STALE_MEASURE, toMeasureDetailDto(measure, problem));
    if (!measureDeletable(measure, problem)) {
      throw new Invalid(
        { status: [localizeMessage("v.measureStarted", locale)] },
        "Only a measure not yet started may be deleted",
      );
    }
    const deleted = await tx.measure.deleteMany({ where: { id, version } });
    if (deleted.count !== 1) throw new Conflict(STALE_MEASURE, toMeasureDetailDto(measure, problem));
    await tx.measure.updateMany({ where: { problemId: problem.id, seq: { gt: measure.seq } }, data: { seq: { decrement: 1 } } });
    await refreshDerived(tx, problem.id, now);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Measure",
      entityId: id,
      action: "delete",
      before: measureSnapshot(measure),
      requestId: opts.requestId,
    });
  });
}
