import "server-only";
import type { Prisma } from "@prisma/client";
import type { Actor } from "../../permissions";

const NOTHING = { id: { in: [] as string[] } };

/**
 * The answer sheets a person may see: a unit's own staff (division heads, field officers) see
 * their unit's sheet only; leaders, the inspection office, viewers and administrators see all.
 * Out of scope looks exactly like missing.
 */
export function sheetScope(actor: Actor): Prisma.SelfReviewSheetWhereInput {
  switch (actor.role) {
    case "DIVISION_HEAD":
    case "FIELD_OFFICER":
      return actor.unitId ? { unitId: actor.unitId } : NOTHING;
    default:
      return {};
  }
}

/** The rounds a person may see: every round for the bureau-wide roles, the rounds their unit answers for unit staff. */
export function roundScope(actor: Actor): Prisma.SelfReviewRoundWhereInput {
  switch (actor.role) {
    case "DIVISION_HEAD":
    case "FIELD_OFFICER":
      return actor.unitId ? { sheets: { some: { unitId: actor.unitId } } } : NOTHING;
    default:
      return {};
  }
}
