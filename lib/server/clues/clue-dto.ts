import "server-only";
import type { Prisma } from "@prisma/client";

export const CLUE_INCLUDE = {
  district: { select: { id: true, name: true } },
  assignee: { select: { id: true, displayName: true } },
  series: {
    select: {
      pollutant: true,
      unit: true,
      outlet: { select: { code: true, enterprise: { select: { id: true, name: true, creditCode: true, isDemo: true } } } },
    },
  },
} satisfies Prisma.ClueInclude;

export type ClueRow = Prisma.ClueGetPayload<{ include: typeof CLUE_INCLUDE }>;

/** A clue as the API and the pages show it (times as ISO instants; shown in Asia/Shanghai). */
export function clueDto(c: ClueRow) {
  return {
    id: c.id,
    rule: c.rule,
    status: c.status,
    windowStart: c.windowStart.toISOString(),
    windowEnd: c.windowEnd.toISOString(),
    hours: c.hours,
    peak: c.peak,
    limit: c.limit,
    pollutant: c.series.pollutant,
    unit: c.series.unit,
    outletCode: c.series.outlet.code,
    enterprise: c.series.outlet.enterprise,
    district: c.district,
    assignee: c.assignee,
    assignedAt: c.assignedAt?.toISOString() ?? null,
    dismissReason: c.dismissReason,
    dismissNote: c.dismissNote,
    closedAt: c.closedAt?.toISOString() ?? null,
    inspectionId: c.inspectionId,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}
export type ClueDto = ReturnType<typeof clueDto>;
