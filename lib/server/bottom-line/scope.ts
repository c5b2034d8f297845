import "server-only";
import type { Actor } from "../../permissions";

/**
 * The one scope rule of the bottom line (sweep targets, hazards, closed enterprises, parks), as a
 * district condition for the query: field officers see their own district's rows only (none
 * without a district); everyone else sees all. An out-of-scope id then answers like a missing one.
 */
export function districtScope(actor: Actor): { districtId?: string | { in: string[] } } {
  if (actor.role !== "FIELD_OFFICER") return {};
  return actor.districtId ? { districtId: actor.districtId } : { districtId: { in: [] } };
}
