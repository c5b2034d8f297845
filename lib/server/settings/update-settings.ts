import "server-only";
import { db } from "../../db";
import type { Settings } from "../../domain/settings";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { settingsPatchSchema } from "../../schemas/settings";
import { diffFields, writeAudit } from "../audit/write-audit";
import { clearSettingsCache, getSettings } from "./get-settings";

/**
 * An administrator changes rule settings (any subset). Each changed key is stored as a `Setting`
 * row; one audit row records the before and after. Colours follow on each problem's next change
 * and on the daily escalation run.
 */
export async function updateSettings(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<Settings> {
  authorize(actor, "settings.manage");
  const input = parseInput(settingsPatchSchema, raw, opts.locale);
  const result = await db.$transaction(async (tx) => {
    const before = await getSettings(tx);
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      await tx.setting.upsert({
        where: { key },
        create: { key, value, updatedById: actor.id },
        update: { value, updatedById: actor.id },
      });
    }
    const after = await getSettings(tx);
    const diff = diffFields(before, after);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Setting",
      entityId: "settings",
      action: "update",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return after;
  });
  clearSettingsCache();
  return result;
}
