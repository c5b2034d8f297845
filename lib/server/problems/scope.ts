import type { Prisma } from "@prisma/client";
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
