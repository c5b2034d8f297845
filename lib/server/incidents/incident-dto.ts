import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import type { Actor } from "../../permissions";
import type { IncidentDto } from "../../schemas/self-review";
import { problemScope } from "../problems/scope";

export const incidentInclude = {
  district: { select: { id: true, code: true, name: true } },
  enterprise: { select: { id: true, name: true } },
} satisfies Prisma.IncidentInclude;
export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentInclude }>;

/** Incidents with their linked problems (only those the reader may see). */
export async function toIncidentDtos(tx: Tx, actor: Actor, rows: IncidentRow[]): Promise<IncidentDto[]> {
  const ids = [...new Set(rows.flatMap((r) => r.problemIds))];
  const problems = ids.length
    ? await tx.problem.findMany({
        where: { AND: [{ id: { in: ids } }, problemScope(actor)] },
        select: { id: true, code: true, title: true },
      })
    : [];
  const byId = new Map(problems.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    occurredOn: formatCalendarDate(r.occurredOn),
    title: r.title,
    district: r.district,
    enterprise: r.enterprise,
    type: r.type,
    level: r.level,
    cause: r.cause,
    response: r.response,
    problems: r.problemIds.flatMap((id) => byId.get(id) ?? []),
    hiddenProblems: r.problemIds.filter((id) => !byId.has(id)).length,
    isDemo: r.isDemo,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }));
}
