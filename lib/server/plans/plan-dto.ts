import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";
import type { PlanDto, PlanMeasure } from "../../schemas/workflow";

export const planInclude = {
  submittedBy: { select: { displayName: true } },
  decidedBy: { select: { displayName: true } },
} satisfies Prisma.RectificationPlanInclude;

export type PlanRow = Prisma.RectificationPlanGetPayload<{ include: typeof planInclude }>;

/** The measures as they stand, frozen into a plan version. */
export function measureSnapshot(
  measures: readonly {
    seq: number;
    description: string;
    ownerUnitId: string | null;
    ownerUnit: { name: string } | null;
    ownerPerson: string | null;
    milestone: Date | null;
    weight: number;
  }[],
): PlanMeasure[] {
  return measures.map((m) => ({
    seq: m.seq,
    description: m.description,
    ownerUnitId: m.ownerUnitId,
    ownerUnitName: m.ownerUnit?.name ?? null,
    ownerPerson: m.ownerPerson,
    milestone: m.milestone ? formatCalendarDate(m.milestone) : null,
    weight: m.weight,
  }));
}

export function toPlanDto(p: PlanRow, mayDecide: boolean): PlanDto {
  return {
    id: p.id,
    problemId: p.problemId,
    versionNo: p.versionNo,
    target: p.target,
    measures: Array.isArray(p.measures) ? (p.measures as PlanMeasure[]) : [],
    status: p.status,
    submittedById: p.submittedById,
    submittedByName: p.submittedBy.displayName,
    submittedAt: p.submittedAt.toISOString(),
    decidedById: p.decidedById,
    decidedByName: p.decidedBy?.displayName ?? null,
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
    decisionReason: p.decisionReason,
    version: p.version,
    mayDecide,
  };
}
