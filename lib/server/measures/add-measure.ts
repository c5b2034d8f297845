import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { mayManageMeasures, measuresEditable } from "../../domain/measure-rules";
import { Forbidden } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type MeasureDetailDto, measureCreateSchema } from "../../schemas/measure";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { refreshDerived } from "../workflow/refresh-derived";
import {
  checkOwnerUnit,
  lockVisibleProblem,
  measureInclude,
  measureSnapshot,
  readOnlyMeasures,
  toMeasureDetailDto,
} from "./measure-dto";

/** Adds a measure at the end of a problem's list (not started, 0 %); the problem's progress and colour follow. */
export async function addMeasure(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<MeasureDetailDto> {
  authorize(actor, "measure.manage");
  const locale = opts.locale ?? "en";
  const input = parseInput(measureCreateSchema, raw, locale);
  const now = opts.now ?? clockNow();
  return db.$transaction(async (tx) => {
    const problem = await lockVisibleProblem(tx, actor, problemId);
    if (!mayManageMeasures(actor, problem, true))
      throw new Forbidden("Only the coordinator or the lead division manages measures");
    if (!measuresEditable(problem.status)) throw readOnlyMeasures(locale);
    await checkOwnerUnit(tx, input.ownerUnitId, locale);
    const last = await tx.measure.aggregate({ where: { problemId }, _max: { seq: true } });
    const created = await tx.measure.create({
      data: {
        problemId,
        seq: (last._max.seq ?? 0) + 1,
        description: input.description,
        ownerUnitId: input.ownerUnitId ?? null,
        ownerPerson: input.ownerPerson ?? null,
        milestone: input.milestone ? parseCalendarDate(input.milestone) : null,
        weight: input.weight,
      },
      include: measureInclude,
    });
    const derived = await refreshDerived(tx, problemId, now);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Measure",
      entityId: created.id,
      action: "create",
      after: measureSnapshot(created),
      requestId: opts.requestId,
    });
    return toMeasureDetailDto(created, derived);
  });
}
