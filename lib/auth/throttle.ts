import { db } from "../db";
import { TooManyRequests } from "../errors";
import { cachedSettings } from "../server/settings/get-settings";

/**
 * Sign-in limits. Read through this one function (from the environment today; the
 * administration settings may supply them later), never from module constants.
 *
 * - `maxFailures` attempts per account and address, then that pair is locked for `lockSeconds`;
 * - `accountSlowAfter` failed attempts per account over all addresses, then every further attempt
 *   waits `slowStepMs` × (failures − accountSlowAfter), at most `slowMaxMs`, before it is checked;
 * - `accountMaxFailures` per account over all addresses, then the account itself is locked for
 *   `lockSeconds`, whatever address the attempt comes from (rotating addresses does not help).
 */
export type LoginLimits = {
  maxFailures: number;
  lockSeconds: number;
  accountSlowAfter: number;
  accountMaxFailures: number;
  slowStepMs: number;
  slowMaxMs: number;
};

function intEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

export function loginLimits(): LoginLimits {
  return {
    maxFailures: intEnv("LOGIN_MAX_FAILURES", 10, 1),
    lockSeconds: intEnv("LOGIN_LOCK_SECONDS", 900, 1),
    accountSlowAfter: intEnv("LOGIN_ACCOUNT_SLOW_AFTER", 20, 0),
    accountMaxFailures: intEnv("LOGIN_ACCOUNT_MAX_FAILURES", 50, 1),
    slowStepMs: intEnv("LOGIN_SLOW_STEP_MS", 250, 0),
    slowMaxMs: intEnv("LOGIN_SLOW_MAX_MS", 5000, 0),
  };
}

/**
 * The limits in force: the administrators' policy settings (`loginMaxFailures`, `loginLockMinutes`)
 * unless `LOGIN_MAX_FAILURES` / `LOGIN_LOCK_SECONDS` pin them for this server; the rest from `loginLimits()`.
 */
export async function loginLimitsInForce(): Promise<LoginLimits> {
  const limits = loginLimits();
  const policy = await cachedSettings();
  return {
    ...limits,
    maxFailures: process.env.LOGIN_MAX_FAILURES ? limits.maxFailures : policy.loginMaxFailures,
    lockSeconds: process.env.LOGIN_LOCK_SECONDS ? limits.lockSeconds : policy.loginLockMinutes * 60,
  };
}

function normalUsername(username: string): string {
  return username.trim().toLowerCase().slice(0, 100);
}

/** The key of one account from one address. */
export function throttleKey(username: string, ip: string | null | undefined): string {
  return `${normalUsername(username)}|${ip ?? "unknown"}`;
}

/** The key of one account over every address (`|` cannot start an address, `*` marks "all"). */
export function accountKey(username: string): string {
  return `${normalUsername(username)}|*`;
}

function retryAfter(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}

/** Throws 429 with the seconds left while the account, or the account from this address, is locked. Reads only. */
export async function assertNotThrottled(username: string, ip: string | null | undefined, now = new Date()): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: [throttleKey(username, ip), accountKey(username)] }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = rows.reduce<Date | null>((m, r) => (r.lockedUntil && (!m || r.lockedUntil > m) ? r.lockedUntil : m), null);
  if (until) throw new TooManyRequests(retryAfter(until, now));
}

/**
 * Counts one attempt on a key in one statement (increment and return), locking the key when the
 * count passes `max`. An expired lock, or a count untouched for `lockSeconds`, starts over.
 */
async function countAttempt(key: string, max: number, lockSeconds: number, now: Date) {
  const lockUntil = new Date(now.getTime() + lockSeconds * 1000);
  const stale = new Date(now.getTime() - lockSeconds * 1000);
  const rows = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, CASE WHEN 1 > ${max}::int THEN ${lockUntil}::timestamp ELSE NULL END, ${now}::timestamp)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN "LoginThrottle"."lockedUntil" <= ${now}::timestamp
          OR ("LoginThrottle"."lockedUntil" IS NULL AND "LoginThrottle"."updatedAt" < ${stale}::timestamp) THEN 1
        ELSE "LoginThrottle"."failures" + 1 END,
      "lockedUntil" = CASE
        WHEN "LoginThrottle"."lockedUntil" <= ${now}::timestamp
          OR ("LoginThrottle"."lockedUntil" IS NULL AND "LoginThrottle"."updatedAt" < ${stale}::timestamp) THEN NULL
        WHEN "LoginThrottle"."lockedUntil" IS NULL AND "LoginThrottle"."failures" + 1 > ${max}::int THEN ${lockUntil}::timestamp
        ELSE "LoginThrottle"."lockedUntil" END,
      "updatedAt" = ${now}::timestamp
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  return { failures: row?.failures ?? 1, lockedUntil: row?.lockedUntil ?? null };
}

/**
 * Claims one sign-in attempt before the password is checked: counted first, atomically, so N
 * parallel guesses let at most the limit through. Throws 429 when the account (from this address
 * or over all) is locked; waits progressively once the account has many failures. The count is
 * cleared by `recordSuccess`.
 */
export async function claimAttempt(
  username: string,
  ip: string | null | undefined,
  opts: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  const limits = await loginLimitsInForce();
  const pair = await countAttempt(throttleKey(username, ip), limits.maxFailures, limits.lockSeconds, now);
  if (pair.lockedUntil && pair.lockedUntil > now) throw new TooManyRequests(retryAfter(pair.lockedUntil, now));
  const account = await countAttempt(accountKey(username), limits.accountMaxFailures, limits.lockSeconds, now);
  if (account.lockedUntil && account.lockedUntil > now) throw new TooManyRequests(retryAfter(account.lockedUntil, now));
  const over = account.failures - 1 - limits.accountSlowAfter;
  if (over > 0) {
    const ms = Math.min(limits.slowMaxMs, limits.slowStepMs * over);
    if (ms > 0) await (opts.sleep ?? ((t) => new Promise<void>((r) => setTimeout(r, t))))(ms);
  }
}

/** A correct password: the account's counts (this address and overall) start over. */
export async function recordSuccess(username: string, ip: string | null | undefined): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: [throttleKey(username, ip), accountKey(username)] } } });
}

/**
 * Clears every lock and count of one account (all addresses), e.g. from an administrator's
 * "unlock" button. Takes the user's id or username; returns how many throttle rows were removed.
 */
export async function unlockAccount(userIdOrUsername: string): Promise<number> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userIdOrUsername);
  const user = isId ? await db.user.findUnique({ where: { id: userIdOrUsername }, select: { username: true } }) : null;
  const name = normalUsername(user?.username ?? userIdOrUsername);
  const { count } = await db.loginThrottle.deleteMany({ where: { key: { startsWith: `${name}|` } } });
  return count;
}

/** Whether any address is locked out of this account now. */
export async function accountLocked(username: string, now = new Date()): Promise<boolean> {
  const prefix = `${username.trim().toLowerCase().slice(0, 100)}|`;
  return (await db.loginThrottle.count({ where: { key: { startsWith: prefix }, lockedUntil: { gt: now } } })) > 0;
}
