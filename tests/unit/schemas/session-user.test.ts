import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/schemas/session";
import { userListQuerySchema, userUpdateSchema } from "@/lib/schemas/user";

describe("signInSchema", () => {
  it("trims the username but keeps the password exactly as typed", () => {
    expect(signInSchema.parse({ username: "  wang.li ", password: "  secret pass  " })).toEqual({
      username: "wang.li",
      password: "  secret pass  ",
    });
  });

  it("rejects a 129-character password instead of truncating it", () => {
    expect(signInSchema.safeParse({ username: "a", password: "p".repeat(128) }).success).toBe(true);
    const r = signInSchema.safeParse({ username: "a", password: "p".repeat(129) });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["password"]);
  });

  it.each([{ username: "a" }, { password: "p" }, { username: "", password: "p" }, { username: "a", password: "" }])(
    "rejects missing or empty credentials %j",
    (input) => {
      expect(signInSchema.safeParse(input).success).toBe(false);
    },
  );

  it("rejects a username the database could not store (NUL)", () => {
    expect(signInSchema.safeParse({ username: "admin\u0000", password: "p" }).success).toBe(false);
  });

  it("rejects unknown keys", () => {
    const r = signInSchema.safeParse({ username: "a", password: "p", role: "ADMIN" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe("unrecognized_keys");
  });
});

describe("user schemas", () => {
  it("an admin's update names the version and only name, role, unit, district, phone, e-mail, active or locale", () => {
    expect(userUpdateSchema.parse({ role: "LEADER", active: false, version: 2 })).toEqual({
      role: "LEADER",
      active: false,
      version: 2,
    });
    expect(userUpdateSchema.parse({ unitId: "", phone: " ", version: 2 })).toMatchObject({ unitId: null, phone: null });
    for (const extra of [
      { passwordHash: "x" },
      { username: "root" },
      { unitId: "not-a-unit" },
      { email: "no-at-sign" },
      { mustChangePassword: false },
      { id: "x" },
    ]) {
      expect(userUpdateSchema.safeParse({ version: 1, ...extra }).success).toBe(false);
    }
    expect(userUpdateSchema.safeParse({ role: "ROOT", version: 1 }).success).toBe(false);
    expect(userUpdateSchema.safeParse({ active: "false", version: 1 }).success).toBe(false);
    expect(userUpdateSchema.safeParse({ locale: "fr", version: 1 }).success).toBe(false);
    expect(userUpdateSchema.safeParse({ role: "VIEWER" }).success).toBe(false);
    // The version column is INT4.
    expect(userUpdateSchema.safeParse({ locale: "en", version: 2_147_483_647 }).success).toBe(true);
    expect(userUpdateSchema.safeParse({ locale: "en", version: 2_147_483_648 }).success).toBe(false);
  });

  it("the user list filters by a known role only", () => {
    expect(userListQuerySchema.parse({ role: "LEADER" })).toEqual({ role: "LEADER" });
    expect(userListQuerySchema.parse({ role: "" })).toEqual({});
    expect(userListQuerySchema.safeParse({ role: "BOSS" }).success).toBe(false);
    expect(userListQuerySchema.safeParse({ active: "true" }).success).toBe(false);
  });
});
