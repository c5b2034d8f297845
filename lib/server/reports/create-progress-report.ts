import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { completedAtFor, mayUpdateMeasure, measureStatusFor } from "../../domain/measure-rules";
import { reportable } from "../../domain/reporting";
import { Forbidden, Invalid } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type ProgressReportDto, progressReportCreateSchema } from "../../schemas/report";
import { diffFields, writeAudit } from "../audit/write-audit";
import { lockVisibleProblem, measureInclude, measureSnapshot } from "../measures/measure-dto";
import { refreshDerived } from "../workflow/refresh-derived";
import { progressReportInclude, toProgressReportDto } from "./report-dto";

/**
 * Files a progress report (整改进展) on a visible problem that is assigned, under rectification or
 * long-term, with the reporter's unit; it starts a new report cycle for the problem's lead unit
 * (see `listLateReporters`). A report about one measure also sets that measure's percent, as a progress
 * update would, so the problem's progress and colour follow; only someone who may record that
 * measure's progress may report on it.
 */
export async function createProgressReport(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ProgressReportDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "report.create");
  const input = parseInput(progressReportCreateSchema, raw, locale);
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    const problem = await lockVisibleProblem(tx, actor, problemId);
    if (!reportable(problem.status)) {
      throw new Invalid({ status: [localizeMessage("v.reportNotOpen", locale)] }, "No progress reports in this status");
    }
    const measure = input.measureId
      ? await tx.measure.findFirst({ where: { id: input.measureId, problemId }, include: measureInclude })
      : null;
    if (input.measureId && !measure) throw new Invalid({ measureId: [localizeMessage("v.unknownMeasure", locale)] });
    if (measure && !mayUpdateMeasure(actor, problem, measure, can(actor, "measure.update"))) {
      throw new Forbidden("Only the owning unit, the lead division or the coordinator reports on this measure");
    }

    const report = await tx.progressReport.create({
      data: {
        problemId,
        measureId: measure?.id ?? null,
        reporterId: actor.id,
        unitId: actor.unitId,
        text: input.text,
        percent: input.percent,
        createdAt: now,
      },
      include: progressReportInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ProgressReport",
      entityId: report.id,
      action: "create",
      after: { problemId, measureId: report.measureId, unitId: report.unitId, text: report.text, percent: report.percent },
      requestId: opts.requestId,
    });

    if (measure && measure.percent !== input.percent) {
      const after = await tx.measure.update({
        where: { id: measure.id },
        data: {
          percent: input.percent,
          status: measureStatusFor(input.percent),
          completedAt: completedAtFor(input.percent, measure.completedAt, now),
          version: { increment: 1 },
        },
        include: measureInclude,
      });
      const diff = diffFields(measureSnapshot(measure), measureSnapshot(after));
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Measure",
        entityId: measure.id,
        action: "progress",
        before: diff.before,
        after: { ...diff.after, progressReportId: report.id },
        requestId: opts.requestId,
      });
      await refreshDerived(tx, problemId, now);
    }
    return toProgressReportDto(report);
  });
}
