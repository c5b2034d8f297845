import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDb, startEmbeddedDb } from "@/lib/embedded-db";
import { isDatabaseUnavailable } from "@/lib/server/ops/database-unavailable";
import { runPrisma } from "@/scripts/db/prisma-cli";
import { createUser, DEMO_PASSWORD } from "../factories";

/**
 * PostgreSQL restarted under the running app: while it is down, requests fail quickly and
 * cleanly (503 with Retry-After, a health probe says "down"); once it is back, the same server
 * process answers again — no restart of the app. The app here is the app's own route handlers
 * on a real socket (scripts/route-server.ts) on a database of this file's own.
 */
const PG_PORT = 38_000 + Math.floor(Math.random() * 1000);
const PORT = 39_000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const NAME = `pg-restart-${randomBytes(3).toString("hex")}`;
let pg: EmbeddedDb;
let server: ChildProcess;
let token: string;

async function startPg(fresh: boolean): Promise<EmbeddedDb> {
  return startEmbeddedDb({ name: NAME, port: PG_PORT, database: "rectify_restart", fresh });
}

async function get(path: string, auth = true): Promise<{ status: number; retryAfter: string | null; text: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${BASE}${path}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), text, ms: Date.now() - started };
}

beforeAll(async () => {
  pg = await startPg(true);
  runPrisma(["migrate", "deploy"], pg.url, { capture: true });
  const holder = globalThis as { rectifyDb?: { $disconnect: () => Promise<void> } };
  await holder.rectifyDb?.$disconnect();
  holder.rectifyDb = undefined;
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = pg.url;
  const { db } = await import("@/lib/db");
  const user = await createUser(db, { role: "LEADER" });
  await db.$disconnect();
  holder.rectifyDb = undefined;
  process.env.DATABASE_URL = saved;

  server = spawn(process.execPath, ["--import", "tsx", "scripts/route-server.ts"], {
    env: { ...process.env, DATABASE_URL: pg.url, PORT: String(PORT), JOBS_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 480; i++) {
    try {
      await fetch(`${BASE}/api/v1/openapi.json`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const res = await fetch(`${BASE}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: user.username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(201);
  token = ((await res.json()) as { token: string }).token;
}, 300_000);

afterAll(async () => {
  server?.kill("SIGKILL");
  await pg?.stop();
  rmSync(path.resolve(".data", NAME), { recursive: true, force: true });
});

describe("PostgreSQL restarted under the running app", () => {
  it("answers 503 quickly while the database is down and serves again once it is back, in the same process", async () => {
    expect((await get("/api/v1/problems?pageSize=5")).status).toBe(200);
    expect((await get("/api/health", false)).status).toBe(200);

    await pg.stop();
    const down = await get("/api/v1/problems?pageSize=5");
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBe("5");
    expect(JSON.parse(down.text)).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expect(down.text).not.toMatch(/prisma|ECONNREFUSED|\.ts:\d+/i);
    expect(down.ms).toBeLessThan(15_000);
    const health = await get("/api/health", false);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({ status: "down", checks: { database: { status: "down" } } });

    pg = await startPg(false);
    let back = 0;
    for (let i = 0; i < 60 && back !== 200; i++) {
      back = (await get("/api/v1/problems?pageSize=5")).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(back).toBe(200);
    expect(server.exitCode).toBeNull();
    expect((await get("/api/health", false)).status).toBe(200);
  }, 180_000);

  it("tells a database outage from other failures", () => {
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
