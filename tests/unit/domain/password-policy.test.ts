import { describe, expect, it } from "vitest";
import { characterClasses, checkPassword, oneTimePassword, passwordExpired, sessionIdle } from "@/lib/domain/password-policy";

const policy = { minLength: 8, minClasses: 3 };

describe("password policy (MLPS 2.0 level 3 defaults)", () => {
  it("accepts eight characters of three classes", () => {
    expect(checkPassword("Taihu2026", "zhang", policy)).toEqual([]);
    expect(checkPassword("taihu#2026", "zhang", policy)).toEqual([]);
  });
  it("names each broken rule", () => {
    expect(checkPassword("Ab1!", "zhang", policy)).toEqual(["length"]);
    expect(checkPassword("abcdefgh12", "zhang", policy)).toEqual(["classes"]);
    expect(checkPassword("Zhang-2026!", "zhang", policy)).toEqual(["username"]);
    expect(checkPassword("gnahz-2026!", "zhang", policy)).toEqual(["usernameReversed"]);
    expect(checkPassword(" Taihu2026", "zhang", policy)).toContain("whitespace");
    expect(checkPassword(`Aa1${"x".repeat(130)}`, "zhang", policy)).toContain("tooLong");
  });
  it("counts characters, not UTF-16 units, and CJK as symbols", () => {
    expect(characterClasses("太湖Taihu")).toBe(3);
    expect(checkPassword("太湖美Ab1", "zhang", policy)).toEqual(["length"]);
  });
  it("follows the configured length and classes", () => {
    expect(checkPassword("Taihu2026", "zhang", { minLength: 12, minClasses: 3 })).toEqual(["length"]);
    expect(checkPassword("Taihu2026", "zhang", { minLength: 8, minClasses: 4 })).toEqual(["classes"]);
  });
  it("one-time passwords pass the strictest default policy and differ", () => {
    const a = oneTimePassword();
    expect(a).toHaveLength(12);
    expect(checkPassword(a, "someone", { minLength: 12, minClasses: 4 })).toEqual([]);
    expect(oneTimePassword()).not.toBe(a);
  });
  it("expiry 0 never expires; idle counts minutes", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(passwordExpired(new Date("2020-01-01"), 0, now)).toBe(false);
    expect(passwordExpired(new Date("2026-08-01"), 90, now)).toBe(true);
    expect(passwordExpired(new Date("2026-11-01"), 90, now)).toBe(false);
    expect(sessionIdle(new Date(now.getTime() - 31 * 60_000), 30, now)).toBe(true);
    expect(sessionIdle(new Date(now.getTime() - 29 * 60_000), 30, now)).toBe(false);
  });
});
