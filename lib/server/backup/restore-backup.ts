import "server-only";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { PassThrough, type Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { extract as tarExtract } from "tar-stream";
import type { EvidenceStorage } from "@/lib/server/evidence/storage";
import { appliedMigrations } from "./create-backup";
import { type BackupManifest, DB_PREFIX, EVIDENCE_PREFIX, MANIFEST_NAME, manifestSchema, SKIPPED_TABLES } from "./format";

const INSERT_ROWS = 1_000;
const INSERT_BYTES = 4 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export class RestoreRefused extends Error {}

export type RestoreOptions = {
  /** A database migrated to the backup's migrations that nobody has used (no accounts, no audit rows). */
  databaseUrl: string;
  /** The evidence store to fill (it may be another backend than the backup's). */
  storage: EvidenceStorage;
  archive: string;
  onProgress?: (step: string) => void;
};

export type RestoreResult = { tables: number; rows: number; files: number };

type Seen = { sha256: string; bytes: number };

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Reads an entry to its end, hashing it, into `sink` (with backpressure) or nowhere. */
async function hashInto(source: AsyncIterable<unknown>, sink: Writable | null): Promise<Seen> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const piece of source) {
    const chunk = piece as Buffer;
    hash.update(chunk);
    bytes += chunk.length;
    if (sink && !sink.write(chunk)) await once(sink, "drain");
  }
  if (sink) {
    sink.end();
    await finished(sink);
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Tables that hold rows only once a person used the database (migrations may fill reference tables). */
const USED_MARKERS = ["User", "AuditLog"] as const;

/**
 * The app tables of the target; refuses a database someone has used (it has accounts or audit
 * rows). Rows migrations put in reference tables are replaced by the backup's.
 */
async function assertUnused(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const tables = rows.map((r) => r.name).filter((n) => !SKIPPED_TABLES.has(n));
  for (const t of USED_MARKERS) {
    if (!tables.includes(t)) continue;
    const { rows: any } = await client.query(`SELECT 1 FROM ${quote(t)} LIMIT 1`);
    if (any.length > 0) throw new RestoreRefused(`目标数据库不为空（${t} 已有数据）：请恢复到一个新建的空数据库`);
  }
  return tables;
}

async function insertTable(client: pg.Client, table: string, file: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
  let batch: string[] = [];
  let size = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [
      `[${batch.join(",")}]`,
    ]);
    rows += batch.length;
    batch = [];
    size = 0;
  };
  for await (const line of lines) {
    if (line === "") continue;
    batch.push(line);
    size += line.length;
    if (batch.length >= INSERT_ROWS || size >= INSERT_BYTES) await flush();
  }
  await flush();
  return rows;
}

async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(`
    SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname) AS seq, t.relname AS tbl, a.attname AS col
      FROM pg_class s
      JOIN pg_namespace sn ON sn.oid = s.relnamespace
      JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND sn.nspname = current_schema()`);
  for (const r of rows) {
    await client.query(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${quote(r.col)}) FROM ${quote(r.tbl)}), 0) + 1, false)`,
      [r.seq],
    );
  }
}

/**
 * Restores an archive made by createBackup into an empty, migrated database and an evidence
 * store. Every entry is checked against the manifest (sizes, SHA-256, row counts, migrations)
 * before the database is written; the rows go in one transaction (all or nothing) with foreign
 * keys checked at the end of each table's load skipped (`session_replication_role = replica`,
 * which needs a superuser or `GRANT SET ON PARAMETER session_replication_role`). Evidence rows
 * are pointed at the store they were restored into.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const progress = opts.onProgress ?? (() => {});
  const staging = await mkdtemp(path.join(tmpdir(), "rectify-restore-"));
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  const stored: string[] = [];
  try {
    const targetTables = await assertUnused(client);
    const seenTables = new Map<string, Seen>();
    const seenFiles = new Map<string, Seen>();
    let manifestText: string | null = null;

    const extract = tarExtract();
    extract.on("entry", (header, stream, next) => {
      const name = header.name;
      const done = (e?: unknown) => (e ? extract.destroy(e instanceof Error ? e : new Error(String(e))) : next());
      if (header.type !== "file") {
        stream.resume();
        done(new RestoreRefused(`备份文件中有不认识的条目：${name}`));
        return;
      }
      if (name === MANIFEST_NAME) {
        if ((header.size ?? 0) > MAX_MANIFEST_BYTES) return done(new RestoreRefused("备份清单过大"));
        const chunks: Buffer[] = [];
        stream.on("data", (c: unknown) => chunks.push(c as Buffer));
        stream.on("end", () => {
          manifestText = Buffer.concat(chunks).toString("utf8");
          done();
        });
        stream.on("error", done);
        return;
      }
      if (name.startsWith(DB_PREFIX) && name.endsWith(".jsonl")) {
        const table = name.slice(DB_PREFIX.length, -".jsonl".length);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) return done(new RestoreRefused(`备份文件中的表名不合法：${table}`));
        hashInto(stream, createWriteStream(path.join(staging, `${table}.jsonl`)))
          .then((seen) => {
            seenTables.set(table, seen);
            done();
          })
          .catch(done);
        return;
      }
      if (name.startsWith(EVIDENCE_PREFIX)) {
        const through = new PassThrough();
        const put = opts.storage.put(name, through);
        stored.push(name);
        Promise.all([hashInto(stream, through), put])
          .then(([seen]) => {
            seenFiles.set(name, seen);
            if (seenFiles.size % 200 === 0) progress(`evidence: ${seenFiles.size}`);
            done();
          })
          .catch(done);
        return;
      }
      stream.resume();
      done(new RestoreRefused(`备份文件中有不认识的条目：${name}`));
    });
    await pipeline(createReadStream(opts.archive), createGunzip(), extract);

    if (manifestText === null) throw new RestoreRefused("备份文件不完整：缺少清单 manifest.json（文件可能被截断）");
    const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
    if (!parsed.success) throw new RestoreRefused("备份清单格式不正确，或不是本系统的备份");
    const manifest: BackupManifest = parsed.data;

    const migrations = await appliedMigrations(client);
    if (migrations.join("\n") !== manifest.migrations.join("\n")) {
      throw new RestoreRefused(
        `数据库结构版本不一致：备份 ${manifest.migrations.length} 个迁移（最新 ${manifest.migrations.at(-1) ?? "无"}），目标 ${migrations.length} 个（最新 ${migrations.at(-1) ?? "无"}）。请用生成该备份的版本恢复`,
      );
    }
    for (const t of manifest.tables) {
      const seen = seenTables.get(t.name);
      if (!seen || seen.sha256 !== t.sha256 || seen.bytes !== t.bytes)
        throw new RestoreRefused(`表 ${t.name} 的数据与清单不符（文件损坏或被改动）`);
      if (!targetTables.includes(t.name)) throw new RestoreRefused(`目标数据库没有表 ${t.name}`);
    }
    if (seenTables.size !== manifest.tables.length) throw new RestoreRefused("备份中有清单未列出的数据表");
    for (const f of manifest.files) {
      const seen = seenFiles.get(f.key);
      if (!seen || seen.sha256 !== f.sha256 || seen.bytes !== f.bytes)
        throw new RestoreRefused(`证据文件 ${f.key} 与清单不符（缺失、损坏或被改动）`);
    }
    if (seenFiles.size !== manifest.files.length) throw new RestoreRefused("备份中有清单未列出的证据文件");

    let rows = 0;
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`TRUNCATE ${targetTables.map(quote).join(", ")}`);
      for (const t of manifest.tables) {
        const inserted = await insertTable(client, t.name, path.join(staging, `${t.name}.jsonl`));
        if (inserted !== t.rows) throw new RestoreRefused(`表 ${t.name} 恢复了 ${inserted} 行，清单为 ${t.rows} 行`);
        rows += inserted;
        progress(`${t.name}: ${inserted}`);
      }
      if (targetTables.includes("Evidence")) {
        await client.query(`UPDATE "Evidence" SET storage = $1::"StorageBackend"`, [opts.storage.backend]);
      }
      await resetSequences(client);
      if (targetTables.includes("LedgerVersion")) {
        // The ledger version is a transaction id of the server that wrote it, which could recur on
        // this one: stamp the restore's own, so no cached dashboard figure can ever match it.
        await client.query(
          `INSERT INTO "LedgerVersion" ("id", "version") VALUES (1, pg_current_xact_id()::text::bigint)
           ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version"`,
        );
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    return { tables: manifest.tables.length, rows, files: manifest.files.length };
  } catch (e) {
    // Nothing half-restored: the files this run stored go again.
    for (const key of stored) await opts.storage.delete(key).catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
  }
}
