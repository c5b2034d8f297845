import "server-only";
import type { HazardInput } from "../../domain/penalties";

/**
 * The hazards of the bottom-line register (environmental risks and hazards, issue 14) that the
 * hazard penalty rule reads. That register has no table yet, so there are none to find: the rule
 * (`overdueRedHazards` in lib/domain/penalties.ts) is in place and fires once the register lands
 * and this function reads it.
 */
export async function listRegisteredHazards(): Promise<HazardInput[]> {
  return [];
}
