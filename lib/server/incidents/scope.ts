import "server-only";
import type { Prisma } from "@prisma/client";
import type { Actor } from "../../permissions";

/** Field officers see their district's incidents; everyone else sees all. */
export function incidentScope(actor: Actor): Prisma.IncidentWhereInput {
  if (actor.role !== "FIELD_OFFICER") return {};
  return actor.districtId ? { districtId: actor.districtId } : { id: { in: [] } };
}
