import "server-only";
import { db } from "../../db";
import { CLOSURE_CHECKLIST_KEY, type ClosureChecklistSetting, closureChecklistSchema } from "../../domain/closure-checklist";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { closureChecklistSetting } from "./closure-checklist-setting";

/**
 * An administrator sets which evidence kinds each category needs before closure (the whole
 * checklist at once, every category named). One audit row with the categories that changed.
 * Problems already past applying for acceptance are not affected; passing acceptance reads it again.
 */
export async function updateClosureChecklistSetting(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<ClosureChecklistSetting> {
  authorize(actor, "settings.manage");
  const input = parseInput(closureChecklistSchema, raw, opts.locale) as ClosureChecklistSetting;
  return db.$transaction(async (tx) => {
    const before = await closureChecklistSetting(tx);
    await tx.setting.upsert({
      where: { key: CLOSURE_CHECKLIST_KEY },
      create: { key: CLOSURE_CHECKLIST_KEY, value: input, updatedById: actor.id },
      update: { value: input, updatedById: actor.id },
    });
    const after = await closureChecklistSetting(tx);
    const diff = diffFields(before, after);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Setting",
      entityId: CLOSURE_CHECKLIST_KEY,
      action: "update",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return after;
  });
}
