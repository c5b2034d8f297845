import "server-only";
import { clockNow } from "../../clock";
import type { Tx } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { type ColourGrade, colourGrade } from "../../domain/colour";
import { weightedProgress } from "../../domain/progress";
import type { Settings } from "../../domain/settings";
import { getSettings } from "../settings/get-settings";

/**
 * Recomputes a problem's stored `progress` (weighted mean of its measures) and `colour` (colour
 * grade) inside the caller's transaction. Every use case that changes measures, deadlines or the
 * status calls it before committing. Derived fields do not bump the problem's `version`.
 */
export async function refreshDerived(
  tx: Tx,
  problemId: string,
  now: Date = clockNow(),
  settings?: Settings,
): Promise<ColourGrade & { progress: number }> {
  const problem = await tx.problem.findUniqueOrThrow({
    where: { id: problemId },
    select: {
      status: true,
      deadline: true,
      assignedAt: true,
      returnCount: true,
      progress: true,
      colour: true,
      measures: { select: { percent: true, weight: true, status: true } },
    },
  });
  const progress = weightedProgress(problem.measures);
  const grade = colourGrade(
    {
      status: problem.status,
      deadline: problem.deadline,
      startDate: problem.assignedAt,
      progress,
      returnCount: problem.returnCount,
      openMeasures: problem.measures.filter((m) => m.status !== "DONE").length,
    },
    bureauToday(now),
    settings ?? (await getSettings(tx)),
  );
  if (problem.progress !== progress || problem.colour !== grade.colour) {
    await tx.problem.update({ where: { id: problemId }, data: { progress, colour: grade.colour } });
  }
  return { ...grade, progress };
}
