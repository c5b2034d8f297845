import "server-only";
import { Prisma } from "@prisma/client";
import type { Actor } from "../../permissions";

/**
 * The clues and projects a person may see, as a query condition (an out-of-scope id looks like a
 * missing one). Field officers: their district's, and those assigned to / submitted by them;
 * everyone else with the read permission: all.
 */
export function clueScope(actor: Actor): Prisma.ClueWhereInput {
  if (actor.role !== "FIELD_OFFICER") return {};
  return actor.districtId ? { OR: [{ districtId: actor.districtId }, { assigneeId: actor.id }] } : { assigneeId: actor.id };
}

export function clueScopeSql(actor: Actor): Prisma.Sql {
  if (actor.role !== "FIELD_OFFICER") return Prisma.sql`TRUE`;
  return actor.districtId
    ? Prisma.sql`(c."districtId" = ${actor.districtId}::uuid OR c."assigneeId" = ${actor.id}::uuid)`
    : Prisma.sql`c."assigneeId" = ${actor.id}::uuid`;
}

export function projectScope(actor: Actor): Prisma.ConstructionProjectWhereInput {
  if (actor.role !== "FIELD_OFFICER") return {};
  return actor.districtId ? { OR: [{ districtId: actor.districtId }, { submittedById: actor.id }] } : { submittedById: actor.id };
}
