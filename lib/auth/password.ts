import { type Algorithm, hash, verify } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** argon2id, OWASP minimum or better: 19 MiB memory, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(plain: string): Promise<string> {
  if (plain.length < PASSWORD_MIN || plain.length > PASSWORD_MAX) {
    throw new RangeError(`password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`);
  }
  return hash(plain, ARGON2_PARAMS);
}

export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  if (plain.length > PASSWORD_MAX) return false;
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the user does not exist, so timing is equal. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("not-a-real-password-0", ARGON2_PARAMS);
  return dummyHash;
}
