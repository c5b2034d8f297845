import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { pack as tarPack } from "tar-stream";
import { PARTIAL_SUFFIX } from "@/lib/domain/evidence";
import type { EvidenceStorage } from "@/lib/server/evidence/storage";
import { BACKUP_FORMAT, type BackupManifest, DB_PREFIX, EVIDENCE_PREFIX, MANIFEST_NAME, SKIPPED_TABLES } from "./format";

const FETCH_ROWS = 2_000;

export type BackupOptions = {
  databaseUrl: string;
  storage: EvidenceStorage;
  /** The archive's path (written to `<out>.partial`, renamed when complete). */
  out: string;
  onProgress?: (step: string) => void;
};

async function appTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  return rows.map((r) => r.name).filter((n) => !SKIPPED_TABLES.has(n));
}

export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** Streams one table to a JSON-lines file through a cursor; answers its row count, size and hash. */
async function dumpTable(client: pg.Client, table: string, file: string) {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  let rows = 0;
  let bytes = 0;
  const quoted = `"${table.replace(/"/g, '""')}"`;
  await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoted} t`);
  try {
    for (;;) {
      const { rows: batch } = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM dump`);
      if (batch.length === 0) break;
      const chunk = `${batch.map((r) => r.j).join("\n")}\n`;
      const buf = Buffer.from(chunk, "utf8");
      hash.update(buf);
      bytes += buf.length;
      rows += batch.length;
      if (!out.write(buf)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  } finally {
    await client.query("CLOSE dump");
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { rows, bytes, sha256: hash.digest("hex") };
}

/**
 * Writes one archive of the database and the evidence store (see ./format.ts). The database is
 * read from one snapshot; evidence objects are listed after it, so every file a row of the
 * snapshot points at is in the archive (uploads are stored before their row is committed).
 */
export async function createBackup(opts: BackupOptions): Promise<BackupManifest> {
  const progress = opts.onProgress ?? (() => {});
  const staging = await mkdtemp(path.join(tmpdir(), "rectify-backup-"));
  const partial = `${opts.out}.partial`;
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: [],
      tables: [],
      files: [],
    };
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      manifest.migrations = await appliedMigrations(client);
      for (const table of await appTables(client)) {
        const figures = await dumpTable(client, table, path.join(staging, `${table}.jsonl`));
        manifest.tables.push({ name: table, ...figures });
        progress(`${table}: ${figures.rows}`);
      }
    } finally {
      await client.query("ROLLBACK");
    }

    const tar = tarPack();
    const written = pipeline(tar, createGzip(), createWriteStream(partial));
    const addFile = async (name: string, file: string, size: number) => {
      await new Promise<void>((resolve, reject) => {
        const entry = tar.entry({ name, size, mode: 0o644 }, (e) => (e ? reject(e) : resolve()));
        createReadStream(file).on("error", reject).pipe(entry);
      });
    };
    for (const t of manifest.tables) {
      const file = path.join(staging, `${t.name}.jsonl`);
      await addFile(`${DB_PREFIX}${t.name}.jsonl`, file, (await stat(file)).size);
    }
    let files = 0;
    for await (const object of opts.storage.list(EVIDENCE_PREFIX)) {
      if (object.key.endsWith(PARTIAL_SUFFIX)) continue;
      const body = await opts.storage.get(object.key);
      if (!body) continue; // removed since it was listed (orphan sweep)
      const hash = createHash("sha256");
      let bytes = 0;
      await new Promise<void>((resolve, reject) => {
        const entry = tar.entry({ name: object.key, size: object.size, mode: 0o644 }, (e) => (e ? reject(e) : resolve()));
        body.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
        });
        body.on("error", reject);
        body.pipe(entry);
      });
      manifest.files.push({ key: object.key, sha256: hash.digest("hex"), bytes });
      if (++files % 200 === 0) progress(`evidence: ${files}`);
    }
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
    tar.entry({ name: MANIFEST_NAME, size: manifestBytes.length, mode: 0o644 }, manifestBytes);
    tar.finalize();
    await written;
    await rename(partial, opts.out);
    progress(`evidence: ${files}`);
    return manifest;
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
  }
}
