/**
 * `npm run backup [-- --out FILE]`: one archive of the database (DATABASE_URL, else the embedded
 * one) and the evidence store, with a manifest of row counts and the SHA-256 of every file.
 * Default file: `.data/backups/rectify-backup-<Shanghai time>.tar.gz`. See lib/server/backup/format.ts.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { createBackup } from "../../lib/server/backup/create-backup";
import { evidenceStorage } from "../../lib/server/evidence/storage";
import { resolveDatabaseUrl } from "../db/database-url";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function shanghaiStamp(d = new Date()): string {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 10).replace(/-/g, "")}-${s.slice(11, 19).replace(/:/g, "")}`;
}

const out = path.resolve(arg("out") ?? path.join(".data", "backups", `rectify-backup-${shanghaiStamp()}.tar.gz`));
await mkdir(path.dirname(out), { recursive: true });
const { url, embedded } = await resolveDatabaseUrl();
const started = Date.now();
try {
  const manifest = await createBackup({
    databaseUrl: url,
    storage: evidenceStorage(),
    out,
    onProgress: (s) => console.log(`  ${s}`),
  });
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(out)) hash.update(chunk as Buffer);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const fileBytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `Backup written: ${out}\n  ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} evidence files (${(fileBytes / 1e6).toFixed(1)} MB)` +
      `\n  archive ${((await stat(out)).size / 1e6).toFixed(1)} MB, sha256 ${hash.digest("hex")}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
