import "server-only";
import { db, type Tx } from "../../db";
import { CLOSURE_CHECKLIST_KEY, type ClosureChecklistSetting, mergeClosureChecklist } from "../../domain/closure-checklist";

/** The closure checklist in force: the stored `closureChecklist` setting over the defaults. */
export async function closureChecklistSetting(tx: Tx = db): Promise<ClosureChecklistSetting> {
  const row = await tx.setting.findUnique({ where: { key: CLOSURE_CHECKLIST_KEY }, select: { value: true } });
  return mergeClosureChecklist(row?.value);
}
