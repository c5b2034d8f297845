import { randomInt } from "node:crypto";

/**
 * The password rules of MLPS 2.0 level 3 practice (网络安全等级保护 三级): a minimum length, a mix
 * of character classes, never the username nor the username reversed, at most 128 characters
 * (argon2id hashes the whole password, nothing is silently cut). Pure: the limits come from the
 * settings, the refusal is a list of rule codes the caller words in the person's language.
 */
export type PasswordPolicy = { minLength: number; minClasses: number };

export type PasswordRule = "length" | "tooLong" | "classes" | "username" | "usernameReversed" | "whitespace";

export const PASSWORD_MAX_LENGTH = 128;

/** Lower case, upper case, digits, anything else (symbols, CJK). */
export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9\s]/.test(password)) n++;
  return n;
}

/** The rules a password breaks; empty when it is acceptable. */
export function checkPassword(password: string, username: string, policy: PasswordPolicy): PasswordRule[] {
  const broken: PasswordRule[] = [];
  const length = [...password].length;
  if (length < policy.minLength) broken.push("length");
  if (length > PASSWORD_MAX_LENGTH) broken.push("tooLong");
  if (/^\s|\s$/.test(password) || /[\p{Cc}]/u.test(password)) broken.push("whitespace");
  if (characterClasses(password) < policy.minClasses) broken.push("classes");
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length > 0) {
    if (lower.includes(name)) broken.push("username");
    else if (name.length > 1 && lower.includes([...name].reverse().join(""))) broken.push("usernameReversed");
  }
  return broken;
}

/** Whether a password set at `changedAt` has expired (`expiryDays` 0 = never). */
export function passwordExpired(changedAt: Date, expiryDays: number, now: Date = new Date()): boolean {
  return expiryDays > 0 && now.getTime() - changedAt.getTime() > expiryDays * 86_400_000;
}

// No 0/O, 1/l/I: a one-time password is read off a screen and typed by hand.
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "@#%+=?";

/** A random one-time password of 12 characters holding all four classes, so it passes any policy up to length 12. */
export function oneTimePassword(length = 12): string {
  const sets = [LOWER, UPPER, DIGITS, SYMBOLS];
  const all = sets.join("");
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  while (chars.length < Math.max(length, 12)) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join("");
}

/** The session has been idle longer than the policy allows. */
export function sessionIdle(lastSeenAt: Date, idleMinutes: number, now: Date = new Date()): boolean {
  return idleMinutes > 0 && now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;
}
