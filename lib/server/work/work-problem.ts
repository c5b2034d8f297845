import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";
import { overdueDays } from "../../domain/problem-rules";
import type { Settings } from "../../domain/settings";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import type { WorkProblem } from "../../schemas/work";
import { colourReasonOf, type OpenMeasures, openMeasureCounts } from "../problems/colour-reason";

/** What every "My work" item says about its problem, and where on the problem page it is handled. */
export const workProblemSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  colour: true,
  deadline: true,
  progress: true,
  assignedAt: true,
  returnCount: true,
  leadUnit: { select: { name: true, nameEn: true } },
  leadOfficial: { select: { displayName: true } },
} satisfies Prisma.ProblemSelect;

/** A problem as My work reads it, with its open measures (`openMeasureCounts`, one query per section). */
type WorkProblemRow = Prisma.ProblemGetPayload<{ select: typeof workProblemSelect }> & OpenMeasures;

export function toWorkProblem(
  p: WorkProblemRow,
  today: Date,
  locale: Locale,
  settings?: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): WorkProblem {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    status: p.status,
    colour: p.colour,
    ...(settings && { colourReason: colourReasonOf(p, today, settings) }),
    deadline: p.deadline ? formatCalendarDate(p.deadline) : null,
    overdueDays: overdueDays(p, today),
    progress: p.progress,
    leadUnitName: locale === "en" && p.leadUnit.nameEn ? p.leadUnit.nameEn : p.leadUnit.name,
    leadOfficialName: p.leadOfficial?.displayName ?? null,
  };
}

/** Items that carry a problem (`{ problem }`), each problem with its open measures: one query for all. */
export async function withProblemOpenMeasures<T extends { problem: { id: string } }>(
  rows: T[],
): Promise<(Omit<T, "problem"> & { problem: T["problem"] & OpenMeasures })[]> {
  const counts = await openMeasureCounts(rows.map((r) => r.problem.id));
  return rows.map((r) => ({ ...r, problem: { ...r.problem, openMeasures: counts.get(r.problem.id) ?? 0 } }));
}

/** Where on the problem page each kind of item is handled. */
export const problemLink = (id: string, anchor?: string) => `/problems/${id}${anchor ? `#${anchor}` : ""}`;

export type WorkContext = {
  actor: Actor;
  scope: Prisma.ProblemWhereInput;
  now: Date;
  today: Date;
  locale: Locale;
  /** The thresholds in force: with them each problem carries its `colourReason`. */
  settings?: Settings;
};
