import { db } from "../db";
import { TooManyRequests } from "../errors";

/** After this many consecutive failures for one account from one address, sign-in is refused for a while. */
export const MAX_FAILURES = Number(process.env.LOGIN_MAX_FAILURES ?? 10);
export const LOCK_SECONDS = Number(process.env.LOGIN_LOCK_SECONDS ?? 900);

export function throttleKey(username: string, ip: string | null | undefined): string {
  return `${username.trim().toLowerCase().slice(0, 100)}|${ip ?? "unknown"}`;
}

/** Throws 429 with the seconds left while the key is locked. */
export async function assertNotThrottled(key: string, now = new Date()): Promise<void> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  if (row?.lockedUntil && row.lockedUntil > now) {
    throw new TooManyRequests(Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000)));
  }
}

export async function recordFailure(key: string, now = new Date()): Promise<void> {
  // One atomic upsert, so parallel guesses cannot slip past the count.
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "updatedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET "failures" = "LoginThrottle"."failures" + 1, "updatedAt" = ${now}
    RETURNING "failures"`;
  const failures = rows[0]?.failures ?? 1;
  if (failures >= MAX_FAILURES) {
    await db.loginThrottle.update({
      where: { key },
      data: { lockedUntil: new Date(now.getTime() + LOCK_SECONDS * 1000), failures: 0 },
    });
  }
}

export async function recordSuccess(key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** An administrator lifts the sign-in lock of an account (every address it was locked from). */
export async function unlockAccount(username: string): Promise<number> {
  const prefix = `${username.trim().toLowerCase().slice(0, 100)}|`;
  const r = await db.loginThrottle.deleteMany({ where: { key: { startsWith: prefix } } });
  return r.count;
}

/** Whether any address is locked out of this account now. */
export async function accountLocked(username: string, now = new Date()): Promise<boolean> {
  const prefix = `${username.trim().toLowerCase().slice(0, 100)}|`;
  return (await db.loginThrottle.count({ where: { key: { startsWith: prefix }, lockedUntil: { gt: now } } })) > 0;
}
