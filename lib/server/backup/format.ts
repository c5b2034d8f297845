import "server-only";
/**
 * The backup archive (`rectify-backup-<time>.tar.gz`): a gzip'd tar holding
 *
 * - `db/<Table>.jsonl` — every row of every table of the app's schema, one JSON object per line
 *   as PostgreSQL's `row_to_json` writes it (read back with `json_populate_recordset`, so every
 *   type — timestamps, numeric, arrays, enums, bytea — returns exactly, whatever the server's
 *   version: no `pg_dump` needed);
 * - `evidence/…` — every stored object of the evidence store (originals and thumbnails);
 * - `manifest.json`, last — the format, the time, the migrations the rows belong to, row counts
 *   and the SHA-256 and size of every other entry. Restore checks all of them before it writes.
 *
 * The database part is read in one REPEATABLE READ transaction: one consistent snapshot.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "rectify-backup/1";
export const MANIFEST_NAME = "manifest.json";
export const DB_PREFIX = "db/";
export const EVIDENCE_PREFIX = "evidence/";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
      rows: z.number().int().min(0),
      sha256,
      bytes: z.number().int().min(0),
    }),
  ),
  files: z.array(z.object({ key: z.string(), sha256, bytes: z.number().int().min(0) })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** Tables never copied: Prisma's migration history (restore re-creates it by migrating). */
export const SKIPPED_TABLES = new Set(["_prisma_migrations"]);
