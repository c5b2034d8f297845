import "server-only";
import type { ClosureChecklistSetting } from "../../domain/closure-checklist";
import { type Actor, authorize } from "../../permissions";
import { closureChecklistSetting } from "./closure-checklist-setting";

/** The closure checklist per category, for anyone signed in (it explains what every problem must carry). */
export async function getClosureChecklistSetting(actor: Actor): Promise<ClosureChecklistSetting> {
  authorize(actor, "reference.read");
  return closureChecklistSetting();
}
