import { db, type Tx } from "../../db";
import { mergeSettings, SETTING_KEYS, type Settings } from "../../domain/settings";
import { type Actor, authorize } from "../../permissions";

/** The rule settings in force: the stored `Setting` rows over the defaults. */
export async function getSettings(tx: Tx = db): Promise<Settings> {
  const rows = await tx.setting.findMany({ where: { key: { in: SETTING_KEYS } }, select: { key: true, value: true } });
  return mergeSettings(rows);
}

/** The settings in force, for anyone signed in (the thresholds explain the colours everyone sees). */
export async function readSettings(actor: Actor): Promise<Settings> {
  authorize(actor, "reference.read");
  return getSettings();
}
