import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LEDGER_HEADERS, LEDGER_IMPORT_FIELDS } from "@/lib/domain/ledger-columns";
import type { Actor } from "@/lib/permissions";
import { streamTable } from "@/lib/server/office/table-export";
import { exportProblems } from "@/lib/server/problems/export-problems";
import { importProblems } from "@/lib/server/problems/import-problems";
import { runPrisma } from "@/scripts/db/prisma-cli";

/**
 * The whole demo ledger leaves the app as XLSX and comes back into an empty bureau (only its
 * districts, units and officials): every column the import reads is identical, problem by problem;
 * re-importing the same file changes nothing.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), "rectify-roundtrip-"));
const names: string[] = [];
let adminUrl: string;
let sourceUrl: string;
let targetUrl: string;

const withDatabase = (u: string, database: string) => {
  const parsed = new URL(u);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function newDatabase(): Promise<string> {
  const name = `rectify_roundtrip_${randomBytes(4).toString("hex")}`;
  names.push(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(inject("databaseUrl"), name);
  runPrisma(["migrate", "deploy"], url, { capture: true });
  return url;
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

async function coordinator(url: string): Promise<Actor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT id, username, "displayName", role FROM "User" WHERE role = 'COORDINATOR' AND active ORDER BY username LIMIT 1`,
    );
    const u = rows[0];
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitId: null,
      districtId: null,
      locale: "zh-CN",
      sessionId: "t",
    };
  } finally {
    await client.end();
  }
}

async function exportLedger(url: string): Promise<Buffer> {
  return withDb(url, async () => {
    const { spec } = await exportProblems(await coordinator(url), { format: "xlsx" });
    return Buffer.from(await new Response(streamTable(spec)).arrayBuffer());
  });
}

/** The sheet as text rows keyed by problem code: header → cell text. */
async function ledgerOf(bytes: Buffer): Promise<{ header: string[]; byCode: Map<string, Record<string, string>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  const text = (v: unknown) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map(text));
  });
  const header = rows[0] ?? [];
  const byCode = new Map<string, Record<string, string>>();
  for (const r of rows.slice(1)) byCode.set(r[1] ?? "", Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
  return { header, byCode };
}

beforeAll(async () => {
  adminUrl = withDatabase(inject("databaseUrl"), "postgres");
  sourceUrl = await newDatabase();
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/seed.ts"], {
    env: { ...process.env, DATABASE_URL: sourceUrl, EVIDENCE_DIR: path.join(scratch, "evidence"), EVIDENCE_STORAGE: "local" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  // The empty bureau: its reference data only (districts, units, people), no problem.
  targetUrl = await newDatabase();
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await source.connect();
  await target.connect();
  try {
    for (const table of ["District", "Unit", "User"]) {
      const { rows } = await source.query(`SELECT row_to_json(t) AS r FROM "${table}" t`);
      await target.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
        JSON.stringify(rows.map((x) => x.r)),
      ]);
    }
  } finally {
    await source.end();
    await target.end();
  }
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

describe("ledger round trip on the demo bureau", () => {
  it("exports the whole demo ledger, imports it into an empty bureau, and every imported column comes back identical", async () => {
    const exported = await exportLedger(sourceUrl);
    const before = await ledgerOf(exported);
    expect(before.byCode.size).toBeGreaterThan(100);

    const imported = await withDb(targetUrl, async () =>
      importProblems(await coordinator(targetUrl), { name: "台账.xlsx", bytes: new Uint8Array(exported) }),
    );
    expect(imported.errors).toEqual([]);
    expect(imported.created).toBe(before.byCode.size);

    // One audit row per registered problem, its snapshot as an object naming the problem.
    const target = new pg.Client({ connectionString: targetUrl });
    await target.connect();
    const audits = await target
      .query<{ code: string; n: string }>(
        `SELECT a.after->>'code' AS code, count(*) AS n FROM "AuditLog" a JOIN "Problem" p ON p.id::text = a."entityId"
          WHERE a.action = 'import' AND a."entityType" = 'Problem' AND jsonb_typeof(a.after) = 'object' AND a.after->>'code' = p.code
          GROUP BY 1`,
      )
      .finally(() => target.end());
    expect(audits.rows).toHaveLength(before.byCode.size);
    expect(audits.rows.every((r) => r.n === "1")).toBe(true);

    const after = await ledgerOf(await exportLedger(targetUrl));
    expect(after.header).toEqual(before.header);
    expect([...after.byCode.keys()]).toEqual([...before.byCode.keys()]);
    const columns = LEDGER_IMPORT_FIELDS.map((f) => LEDGER_HEADERS[f][0] as string);
    const differences: string[] = [];
    for (const [code, row] of before.byCode) {
      const back = after.byCode.get(code) ?? {};
      for (const column of columns) {
        if (back[column] !== row[column])
          differences.push(`${code} ${column}: ${JSON.stringify(row[column])} → ${JSON.stringify(back[column])}`);
      }
    }
    expect(differences).toEqual([]);

    // The same file again: every problem is already there as it says, nothing changes.
    const again = await withDb(targetUrl, async () =>
      importProblems(await coordinator(targetUrl), { name: "台账.xlsx", bytes: new Uint8Array(exported) }),
    );
    expect(again.errors).toEqual([]);
    expect({ created: again.created, updated: again.updated, unchanged: again.unchanged }).toEqual({
      created: 0,
      updated: 0,
      unchanged: before.byCode.size,
    });
  }, 600_000);
});
