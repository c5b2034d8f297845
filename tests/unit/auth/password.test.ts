import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from "@/lib/auth/password";

/** `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` → its parts. */
function parsePhc(phc: string) {
  const m = /^\$(argon2(?:id|i|d))\$v=(\d+)\$([^$]+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!m) throw new Error(`not a PHC string: ${phc}`);
  const params = Object.fromEntries((m[3] as string).split(",").map((kv) => kv.split("=") as [string, string]));
  return { algorithm: m[1], version: Number(m[2]), params, salt: m[4] as string, hash: m[5] as string };
}

describe("hashPassword", () => {
  it("stores argon2id with at least 19 MiB of memory and 2 passes (OWASP)", async () => {
    const phc = parsePhc(await hashPassword("correct horse battery"));
    expect(phc.algorithm).toBe("argon2id");
    expect(phc.version).toBe(19);
    expect(Number(phc.params.m)).toBe(19456);
    expect(Number(phc.params.t)).toBe(2);
    expect(Number(phc.params.p)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(phc.salt, "base64").length).toBeGreaterThanOrEqual(16);
  });

  it("salts every hash: the same password hashes differently twice", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it(`accepts ${PASSWORD_MIN} to ${PASSWORD_MAX} characters and refuses anything else`, async () => {
    await expect(hashPassword("x".repeat(PASSWORD_MIN))).resolves.toMatch(/^\$argon2id\$/);
    await expect(hashPassword("x".repeat(PASSWORD_MAX))).resolves.toMatch(/^\$argon2id\$/);
    expect(() => hashPassword("x".repeat(PASSWORD_MIN - 1))).toThrow(RangeError);
    expect(() => hashPassword("x".repeat(PASSWORD_MAX + 1))).toThrow(RangeError);
    expect(() => hashPassword("")).toThrow(RangeError);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("整改督办-2026!");
    expect(await verifyPassword(stored, "整改督办-2026!")).toBe(true);
    expect(await verifyPassword(stored, "整改督办-2026")).toBe(false);
    expect(await verifyPassword(stored, "整改督办-2026! ")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("does not truncate: a 128-char password differs from the same with one more character", async () => {
    const long = "a".repeat(PASSWORD_MAX);
    const stored = await hashPassword(long);
    expect(await verifyPassword(stored, long)).toBe(true);
    expect(await verifyPassword(stored, `${long}a`)).toBe(false);
    expect(await verifyPassword(stored, long.slice(0, -1))).toBe(false);
  });

  it("answers false, not an error, for a corrupt stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever1")).toBe(false);
    expect(await verifyPassword("", "whatever1")).toBe(false);
  });
});
