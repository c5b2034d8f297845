import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";
import { type ColourExplanation, explainColour } from "../../domain/colour";
import type { Settings } from "../../domain/settings";

/** How many of a problem's measures are not done: an input of the colour reason. */
export type OpenMeasures = { openMeasures: number };

type ReasonRow = {
  status: Prisma.ProblemGetPayload<object>["status"];
  deadline: Date | null;
  assignedAt: Date | null;
  progress: number;
  returnCount: number;
} & OpenMeasures;

/**
 * The open (not done) measures of each of the given problems, in one grouped query over their
 * measures only (the `Measure.problemId` index). Prisma's relation count (`_count` with a `where`)
 * is not used for lists: it joins a count grouped over EVERY measure in the database (500 000 at
 * scale, 1.5 s) before keeping a page's 50 problems.
 */
export async function openMeasureCounts(problemIds: readonly string[], tx: Tx = db): Promise<Map<string, number>> {
  if (problemIds.length === 0) return new Map();
  const groups = await tx.measure.groupBy({
    by: ["problemId"],
    where: { problemId: { in: [...new Set(problemIds)] }, status: { not: "DONE" } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.problemId, g._count._all]));
}

/** The rows with their open measure count (`openMeasures`), read in one query for all of them. */
export async function withOpenMeasures<T extends { id: string }>(rows: T[], tx: Tx = db): Promise<(T & OpenMeasures)[]> {
  const counts = await openMeasureCounts(
    rows.map((r) => r.id),
    tx,
  );
  return rows.map((r) => ({ ...r, openMeasures: counts.get(r.id) ?? 0 }));
}

/** The reason for a problem's colour as of `today`, with the thresholds in force. */
export function colourReasonOf(
  p: ReasonRow,
  today: Date,
  settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): ColourExplanation {
  return explainColour(
    {
      status: p.status,
      deadline: p.deadline,
      startDate: p.assignedAt,
      progress: p.progress,
      returnCount: p.returnCount,
      openMeasures: p.openMeasures,
    },
    today,
    settings,
  );
}
