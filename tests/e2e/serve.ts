/**
 * The e2e web server: a fresh embedded PostgreSQL (dropped and recreated every run, so the demo
 * data is exactly the seed), then `scripts/start.ts` (migrate, seed, build if needed, next start)
 * on port `E2E_PORT` (3100). Stops the database when the server exits or Playwright stops it.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDb } from "../../lib/embedded-db";

const PORT = process.env.E2E_PORT || "3100";
const db = await startEmbeddedDb({
  name: "pg-e2e",
  port: Number(process.env.E2E_PG_PORT || 54331),
  database: "rectify_e2e",
  fresh: true,
});

// Evidence files of this run only, like its database.
const evidenceDir = path.join(process.cwd(), ".data", "evidence-e2e");
rmSync(evidenceDir, { recursive: true, force: true });

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const server = spawn(tsx, ["scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    EVIDENCE_DIR: evidenceDir,
    EVIDENCE_STORAGE: "local",
    PORT,
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    // The browser tests expect the seeded ledger as is: no escalation run rewriting it meanwhile.
    JOBS_DISABLED: "1",
  },
});

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await db.stop().catch(() => {});
  }
  process.exit(code);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
    else void stop(0);
  });
}
server.on("exit", (code) => void stop(code ?? 0));
