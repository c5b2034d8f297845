/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * by diffing the schema as of the last migration (prisma/migrations/schema.snapshot.prisma)
 * against prisma/schema.prisma. No shadow database (which Prisma's JS engine cannot run).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl } from "./database-url";
import { runPrisma } from "./prisma-cli";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const dir = path.resolve("prisma", "migrations");
const snapshot = path.join(dir, "schema.snapshot.prisma");
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
// The JS schema engine opens a connection even for a pure diff, so give it one.
const { url, embedded } = await resolveDatabaseUrl();
let sql: string;
try {
  sql = runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], url, {
    capture: true,
  });
} finally {
  await embedded?.stop();
}
if (/^-- This is an empty migration\.?\s*$/m.test(sql.trim()) || sql.trim() === "") {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, "migration.sql"), sql);
copyFileSync("prisma/schema.prisma", snapshot);
console.log(`Wrote ${path.relative(process.cwd(), target)}/migration.sql — review it, then run npm run db:migrate.`);
