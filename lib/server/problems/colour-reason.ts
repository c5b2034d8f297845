import "server-only";
import type { Prisma } from "@prisma/client";
import { type ColourExplanation, explainColour } from "../../domain/colour";
import type { Settings } from "../../domain/settings";

/** The fields a colour reason is computed from; spread into a Prisma `select` or `include`. */
export const colourReasonFields = {
  _count: { select: { measures: { where: { status: { not: "DONE" } } } } },
} satisfies Prisma.ProblemInclude;

type ReasonRow = {
  status: Prisma.ProblemGetPayload<object>["status"];
  deadline: Date | null;
  assignedAt: Date | null;
  progress: number;
  returnCount: number;
  _count: { measures: number };
};

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
      openMeasures: p._count.measures,
    },
    today,
    settings,
  );
}
