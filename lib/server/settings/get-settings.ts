import "server-only";
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

let cache: { at: number; value: Promise<Settings> } | null = null;
const CACHE_MS = 15_000;

/**
 * The settings for checks on every request (session idle timeout, password expiry): read at most
 * every 15 s per process; a change made through `updateSettings` clears it at once.
 */
export function cachedSettings(): Promise<Settings> {
  const now = Date.now();
  if (!cache || now - cache.at > CACHE_MS) {
    const value = getSettings();
    cache = { at: now, value };
    value.catch(() => {
      cache = null;
    });
  }
  return cache.value;
}

export function clearSettingsCache(): void {
  cache = null;
}
