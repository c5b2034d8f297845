import "server-only";
import { db } from "../../db";
import { mayManageMeasures, measuresEditable, reorderProblem } from "../../domain/measure-rules";
import { Forbidden, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type MeasureListDto, measureOrderSchema } from "../../schemas/measure";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { lockVisibleProblem, measureInclude, readOnlyMeasures, toMeasureDetailDto } from "./measure-dto";

/**
 * Puts a problem's measures in the given order: `ids` names every measure exactly once and they
 * are numbered 1..n, all in one transaction. Each moved measure gets an audit row; the order is
 * not a field people edit concurrently, so measure versions stay as they are.
 */
export async function reorderMeasures(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<MeasureListDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "measure.manage");
  const { ids } = parseInput(measureOrderSchema, raw, locale);

  return db.$transaction(async (tx) => {
    const problem = await lockVisibleProblem(tx, actor, problemId);
    if (!mayManageMeasures(actor, problem, true))
      throw new Forbidden("Only the coordinator or the lead division orders measures");
    if (!measuresEditable(problem.status)) throw readOnlyMeasures(locale);
    const existing = await tx.measure.findMany({ where: { problemId }, select: { id: true, seq: true } });
    const issue = reorderProblem(
      ids,
      existing.map((m) => m.id),
    );
    if (issue) throw new Invalid({ ids: [localizeMessage(`v.${issue}`, locale)] });
    const seqOf = new Map(existing.map((m) => [m.id, m.seq]));
    for (const [i, id] of ids.entries()) {
      const seq = i + 1;
      const before = seqOf.get(id);
      if (before === seq) continue;
      await tx.measure.update({ where: { id }, data: { seq } });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Measure",
        entityId: id,
        action: "reorder",
        before: { problemId, seq: before },
        after: { problemId, seq },
        requestId: opts.requestId,
      });
    }
    const measures = await tx.measure.findMany({ where: { problemId }, orderBy: { seq: "asc" }, include: measureInclude });
    return {
      items: measures.map((m) => toMeasureDetailDto(m, problem)),
      problemProgress: problem.progress,
      problemColour: problem.colour,
    };
  });
}
