/**
 * `npm start` (production server) and `npm run dev` (`--dev`): database (DATABASE_URL or the
 * embedded PostgreSQL under .data/pg), migrations, demo data on an empty database, a build when
 * the sources changed, then Next.js on PORT (default 3000).
 */
import "./server-only-hook";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl } from "./db/database-url";
import { runPrisma } from "./db/prisma-cli";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const root = process.cwd();

function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const SOURCE_DIRS = ["app", "components", "lib", "messages", "public", "prisma"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  for (const f of SOURCE_FILES) visit(path.join(root, f));
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime();
}

const { url, embedded } = await resolveDatabaseUrl();
console.log(embedded ? `Database: embedded PostgreSQL (data in .data/pg)` : "Database: DATABASE_URL");
runPrisma(["migrate", "deploy"], url, { capture: true });
console.log("Database schema is up to date.");

if (process.env.SEED_DEMO !== "0") {
  const { getDb } = await import("../lib/db");
  const { isDatabaseEmpty, seedDemo } = await import("../prisma/seed");
  const db = getDb();
  if (await isDatabaseEmpty(db)) {
    console.log("Empty database: loading the demo data…");
    const r = await seedDemo(db, { log: (s) => console.log(`  ${s}`) });
    console.log(`Demo data loaded: ${r.problems} problems, ${r.users} accounts.`);
  }
  const { ensureDemoIndicators } = await import("../prisma/seed-indicators");
  await ensureDemoIndicators(db, (s) => console.log(`  ${s}`));
  await db.$disconnect();
}

let setupLink: string | null = null;
if (process.env.SEED_DEMO === "0") {
  const { getDb } = await import("../lib/db");
  const { issueSetupToken } = await import("../lib/server/setup/first-run");
  const db = getDb();
  const token = await issueSetupToken(db);
  if (token) setupLink = `${process.env.NEXTAUTH_URL ?? `http://localhost:${port}`}/setup?token=${token}`;
  await db.$disconnect();
}

// Evidence files left by an upload interrupted before its row was stored (see sweep-orphans.ts).
await (await import("../lib/server/evidence/sweep-orphans")).sweepOrphansAtStart();

// Photos stored before their perceptual hash and signals existed (or whose check failed at upload):
// hashed in batches while the server already answers; idempotent, resumes at the next start.
void (await import("../lib/server/evidence/backfill-photo-checks")).backfillPhotoChecksAtStart();

const env = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: port,
};
const nextBin = path.join(root, "node_modules", ".bin", "next");
if (!dev && needsBuild()) {
  console.log("Building the app (first start or sources changed)…");
  const build = spawnSync(nextBin, ["build"], { env: { ...env, NODE_ENV: "production", JOBS_DISABLED: "1" }, stdio: "inherit" });
  if (build.status !== 0) {
    await embedded?.stop();
    process.exit(build.status ?? 1);
  }
}

// Our own server entry around Next (scripts/serve.ts): it stamps the socket address and refuses TRACE.
const tsxBin = path.join(root, "node_modules", ".bin", "tsx");
const server = spawn(tsxBin, ["scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
  env: { ...env, NODE_ENV: dev ? "development" : "production" },
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready|ready/.test(chunk.toString())) {
    console.log(`\nRectify is running on http://localhost:${port}`);
    if (setupLink) {
      console.log(`First run: open this one-time link to create the administrator (valid 24 hours):\n  ${setupLink}\n`);
    } else if (process.env.SEED_DEMO !== "0") {
      console.log(
        "Demo accounts (password Rectify@2026): admin, leader, coordinator, division, field-jiangyin, field-yixing, viewer\n",
      );
    }
  }
});
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await embedded?.stop().catch(() => {});
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));
