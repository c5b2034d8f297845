/**
 * `npm run restore -- FILE`: restores a backup archive into an EMPTY database (DATABASE_URL, else
 * the embedded one — choose a fresh one with EMBEDDED_PG_DIR=<name>) and the configured evidence
 * store. Migrates the database first; the archive must come from the same version of the app
 * (restore with that version, then upgrade). Refuses a database that holds data.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { RestoreRefused, restoreBackup } from "../../lib/server/backup/restore-backup";
import { evidenceStorage } from "../../lib/server/evidence/storage";
import { resolveDatabaseUrl } from "../db/database-url";
import { runPrisma } from "../db/prisma-cli";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file || !existsSync(file)) {
  console.error("usage: npm run restore -- FILE   (a .tar.gz written by npm run backup)");
  process.exit(2);
}
const { url, embedded } = await resolveDatabaseUrl();
const started = Date.now();
try {
  runPrisma(["migrate", "deploy"], url, { capture: true });
  const result = await restoreBackup({
    databaseUrl: url,
    storage: evidenceStorage(),
    archive: path.resolve(file),
    onProgress: (s) => console.log(`  ${s}`),
  });
  console.log(
    `Restored ${result.tables} tables, ${result.rows} rows and ${result.files} evidence files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  console.error(
    e instanceof RestoreRefused
      ? `Restore refused: ${e.message}`
      : `Restore failed: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
