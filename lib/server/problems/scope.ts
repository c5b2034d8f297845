import "server-only";
import { Prisma } from "@prisma/client";
import type { Actor } from "../../permissions";

const NOTHING: Prisma.ProblemWhereInput = { id: { in: [] } };

/**
 * The rows a person may see, as a query condition, so an out-of-scope id looks exactly like a
 * missing one. Field officers: their unit's problems (lead or co-unit) and their district's;
 * division heads: their division's (lead or co-unit); everyone else: all.
 */
export function problemScope(actor: Actor): Prisma.ProblemWhereInput {
  switch (actor.role) {
    case "ADMIN":
    case "LEADER":
    case "COORDINATOR":
    case "VIEWER":
      return {};
    case "DIVISION_HEAD":
      return actor.unitId ? { OR: [{ leadUnitId: actor.unitId }, { coUnits: { some: { unitId: actor.unitId } } }] } : NOTHING;
    case "FIELD_OFFICER": {
      const or: Prisma.ProblemWhereInput[] = [];
      if (actor.unitId) or.push({ leadUnitId: actor.unitId }, { coUnits: { some: { unitId: actor.unitId } } });
      if (actor.districtId) or.push({ districtId: actor.districtId });
      return or.length ? { OR: or } : NOTHING;
    }
  }
}

/** The same rule as `problemScope`, as SQL on the alias `p` (for the aggregates written in SQL). */
export function problemScopeSql(actor: Actor): Prisma.Sql {
  const coUnit = (unitId: string) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "ProblemCoUnit" c WHERE c."problemId" = p.id AND c."unitId" = ${unitId}::uuid)`;
  switch (actor.role) {
    case "ADMIN":
    case "LEADER":
    case "COORDINATOR":
    case "VIEWER":
      return Prisma.sql`TRUE`;
    case "DIVISION_HEAD":
      return actor.unitId ? Prisma.sql`(p."leadUnitId" = ${actor.unitId}::uuid OR ${coUnit(actor.unitId)})` : Prisma.sql`FALSE`;
    case "FIELD_OFFICER": {
      const parts: Prisma.Sql[] = [];
      if (actor.unitId) parts.push(Prisma.sql`p."leadUnitId" = ${actor.unitId}::uuid`, coUnit(actor.unitId));
      if (actor.districtId) parts.push(Prisma.sql`p."districtId" = ${actor.districtId}::uuid`);
      return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
    }
  }
}
