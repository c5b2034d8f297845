import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createBackup } from "@/lib/server/backup/create-backup";
import { RestoreRefused, restoreBackup } from "@/lib/server/backup/restore-backup";
import { LocalStorage } from "@/lib/server/evidence/storage/local";
import { listProblems } from "@/lib/server/problems/list-problems";
import { runPrisma } from "@/scripts/db/prisma-cli";

/**
 * Backup and restore on the real database: the demo bureau (ledger, audit log, evidence files) is
 * backed up, restored into a new empty database and store, and comes back identical — every
 * table row for row, every evidence file by its SHA-256 — and the app serves the same ledger.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), "rectify-backup-test-"));
const names: string[] = [];
let adminUrl: string;
let sourceUrl: string;
const sourceDir = path.join(scratch, "evidence-source");
const archive = path.join(scratch, "backup.tar.gz");

const withDatabase = (u: string, database: string) => {
  const parsed = new URL(u);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function newDatabase(migrate = true): Promise<string> {
  const name = `rectify_backup_${randomBytes(4).toString("hex")}`;
  names.push(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(inject("databaseUrl"), name);
  if (migrate) runPrisma(["migrate", "deploy"], url, { capture: true });
  return url;
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

/** A digest of every row of every app table, independent of physical order. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: string; md5: string | null }>(
      url,
      `SELECT count(*) AS rows, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS md5 FROM "${name}" t`,
    );
    out[name] = { rows: Number(row?.rows), md5: row?.md5 ?? "" };
  }
  return out;
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function withDb<T>(url: string, run: () => Promise<T>): Promise<T> {
  const holder = globalThis as { rectifyDb?: PrismaClient };
  const real = holder.rectifyDb;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  holder.rectifyDb = client;
  try {
    return await run();
  } finally {
    holder.rectifyDb = real;
    await client.$disconnect();
  }
}

beforeAll(async () => {
  adminUrl = withDatabase(inject("databaseUrl"), "postgres");
  sourceUrl = await newDatabase();
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/seed.ts"], {
    env: { ...process.env, DATABASE_URL: sourceUrl, EVIDENCE_DIR: sourceDir, EVIDENCE_STORAGE: "local" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  await createBackup({ databaseUrl: sourceUrl, storage: new LocalStorage(sourceDir), out: archive });
}, 300_000);

afterAll(async () => {
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into an empty database and store: every table row for row, every evidence file by hash, the same ledger", async () => {
    const targetUrl = await newDatabase();
    const targetDir = path.join(scratch, "evidence-target");
    const result = await restoreBackup({ databaseUrl: targetUrl, storage: new LocalStorage(targetDir), archive });

    const { LedgerVersion: versionBefore, ...before } = await tableDigests(sourceUrl);
    const { LedgerVersion: versionAfter, ...after } = await tableDigests(targetUrl);
    expect(after).toEqual(before);
    // The ledger version (derived, for the dashboard cache) is stamped with the restore's own transaction id.
    expect(versionBefore?.rows).toBe(1);
    expect(versionAfter?.rows).toBe(1);
    expect(versionAfter?.md5).not.toBe(versionBefore?.md5);
    expect(before.Problem?.rows).toBeGreaterThan(100);
    expect(before.AuditLog?.rows).toBeGreaterThan(100);
    expect(before.Evidence?.rows).toBeGreaterThan(10);
    expect(result.rows).toBe(Object.values(before).reduce((n, t) => n + t.rows, 1));

    // Every evidence file is back, byte for byte as recorded on its row.
    const evidence = await query<{ storageKey: string; sha256: string }>(
      targetUrl,
      `SELECT "storageKey", sha256 FROM "Evidence"`,
    );
    for (const e of evidence) expect(await fileSha256(path.join(targetDir, ...e.storageKey.split("/")))).toBe(e.sha256);
    expect(result.files).toBeGreaterThanOrEqual(evidence.length);

    // Sequences continue after the restored rows: a new audit row gets a fresh id.
    const [maxAudit] = await query<{ max: string }>(targetUrl, `SELECT max(id)::text AS max FROM "AuditLog"`);
    const [fresh] = await query<{ id: string }>(
      targetUrl,
      `INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('backup.check', 'Test', 'x') RETURNING id::text AS id`,
    );
    expect(BigInt(fresh?.id ?? "0")).toBeGreaterThan(BigInt(maxAudit?.max ?? "0"));

    // The app serves the same ledger from the restored database.
    const [leader] = await query<Actor>(
      sourceUrl,
      `SELECT id, username, "displayName", role, "unitId", "districtId" FROM "User" WHERE role = 'LEADER' LIMIT 1`,
    );
    const actor = { ...(leader as Actor), locale: "zh-CN", sessionId: "backup-test" };
    const q = { pageSize: 100, sort: "code" };
    const now = new Date();
    const ledgerBefore = await withDb(sourceUrl, () => listProblems(actor, q, { now }));
    const ledgerAfter = await withDb(targetUrl, () => listProblems(actor, q, { now }));
    expect(ledgerAfter).toEqual(ledgerBefore);
    expect(ledgerBefore.total).toBe(before.Problem?.rows);
  }, 300_000);

  it("refuses a database that already holds data, and stores no file", async () => {
    const targetDir = path.join(scratch, "evidence-refused");
    await expect(restoreBackup({ databaseUrl: sourceUrl, storage: new LocalStorage(targetDir), archive })).rejects.toThrow(
      /目标数据库不为空/,
    );
    expect(() => statSync(path.join(targetDir, "evidence"))).toThrow();
  });

  it("refuses a truncated archive and a database of another version, leaving nothing behind", async () => {
    const truncated = path.join(scratch, "truncated.tar.gz");
    writeFileSync(truncated, "");
    const { copyFileSync } = await import("node:fs");
    copyFileSync(archive, truncated);
    truncateSync(truncated, Math.floor(statSync(archive).size * 0.6));
    const targetUrl = await newDatabase();
    const targetDir = path.join(scratch, "evidence-truncated");
    await expect(
      restoreBackup({ databaseUrl: targetUrl, storage: new LocalStorage(targetDir), archive: truncated }),
    ).rejects.toThrow();
    const [count] = await query<{ n: string }>(targetUrl, `SELECT count(*) AS n FROM "Problem"`);
    expect(count?.n).toBe("0");
    const leftovers: string[] = [];
    for await (const o of new LocalStorage(targetDir).list("evidence/")) leftovers.push(o.key);
    expect(leftovers).toEqual([]);

    // A database migrated one step short of the backup's version is refused with the versions named.
    const olderUrl = await newDatabase();
    const [last] = await query<{ name: string }>(
      olderUrl,
      `SELECT migration_name AS name FROM _prisma_migrations ORDER BY 1 DESC LIMIT 1`,
    );
    await query(olderUrl, `DELETE FROM _prisma_migrations WHERE migration_name = '${last?.name}'`);
    const refused = restoreBackup({
      databaseUrl: olderUrl,
      storage: new LocalStorage(path.join(scratch, "evidence-older")),
      archive,
    });
    await expect(refused).rejects.toBeInstanceOf(RestoreRefused);
    await expect(refused).rejects.toThrow(/数据库结构版本不一致/);
  }, 120_000);

  it("the command line writes an archive whose manifest lists every table and file", () => {
    const out = path.join(scratch, "cli.tar.gz");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--out", out], {
      env: { ...process.env, DATABASE_URL: sourceUrl, EVIDENCE_DIR: sourceDir, EVIDENCE_STORAGE: "local" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Backup written: .*cli\.tar\.gz/);
    expect(run.stdout).toMatch(/\d+ tables, \d+ rows, \d+ evidence files/);
    const listing = spawnSync("tar", ["-tzf", out], { encoding: "utf8" });
    expect(listing.stdout).toContain("db/Problem.jsonl");
    expect(listing.stdout).toContain("manifest.json");
    expect(listing.stdout).toMatch(/^evidence\/\d{4}\/\d{2}\//m);
  }, 120_000);
});
