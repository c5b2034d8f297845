import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import pg from "pg";
import type PgBoss from "pg-boss";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { ESCALATION_QUEUE, startJobs } from "@/lib/jobs/boss";
import { registry, renderMetrics, resetMetrics } from "@/lib/ops/metrics";
import { S3Storage } from "@/lib/server/evidence/storage/s3";
import { runPrisma } from "@/scripts/db/prisma-cli";
import { createProblem, DEMO_PASSWORD } from "../factories";
import { multipart, png } from "../support/evidence-files";
import { createWorld, type World } from "../support/world";

/**
 * More than one server: two app processes (the app's own route handlers on real sockets,
 * scripts/route-server.ts) on one PostgreSQL and one S3-compatible store (s3rver). A session made
 * on one works on the other and ends on both; a file uploaded through one downloads through the
 * other; the escalation schedule, started on two job runners, runs once per tick.
 * The file has its own database, so its job runs touch nothing of the other files.
 */
const S3_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-two-servers-s3-"));
const BUCKET = "rectify-evidence";
const PORTS = [36_000 + Math.floor(Math.random() * 1000), 37_000 + Math.floor(Math.random() * 1000)] as const;
const BASES = PORTS.map((p) => `http://127.0.0.1:${p}`);
const dbName = `rectify_two_${randomBytes(4).toString("hex")}`;
let adminUrl: string;
let url: string;
let s3: S3rver;
let s3Env: Record<string, string>;
const servers: ChildProcess[] = [];
const boss: PgBoss[] = [];
let world: World;

const withDatabase = (u: string, database: string) => {
  const parsed = new URL(u);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

function startServer(port: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/route-server.ts"], {
    env: { ...process.env, ...s3Env, DATABASE_URL: url, PORT: String(port), JOBS_DISABLED: "1" },
    stdio: "ignore",
  });
}

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    try {
      await fetch(`${base}/api/v1/openapi.json`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`server ${base} did not start`);
}

beforeAll(async () => {
  adminUrl = withDatabase(inject("databaseUrl"), "postgres");
  url = withDatabase(inject("databaseUrl"), dbName);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  runPrisma(["migrate", "deploy"], url, { capture: true });
  // This file's own database for the test process too.
  const holder = globalThis as { rectifyDb?: { $disconnect: () => Promise<void> } };
  await holder.rectifyDb?.$disconnect();
  holder.rectifyDb = undefined;
  process.env.DATABASE_URL = url;

  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: S3_DIR });
  const { port } = (await s3.run()) as { port: number };
  s3Env = {
    EVIDENCE_STORAGE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: "us-east-1",
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  };
  const store = new S3Storage({
    endpoint: s3Env.S3_ENDPOINT,
    region: "us-east-1",
    bucket: BUCKET,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  await store.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  store.client.destroy();
  world = await createWorld();
  for (const p of PORTS) servers.push(startServer(p));
  await Promise.all(BASES.map(waitUntilUp));
}, 300_000);

afterAll(async () => {
  for (const b of boss) await b.stop({ graceful: false, wait: true }).catch(() => {});
  for (const s of servers) s.kill("SIGKILL");
  const holder = globalThis as { rectifyDb?: { $disconnect: () => Promise<void> } };
  await holder.rectifyDb?.$disconnect();
  holder.rectifyDb = undefined;
  process.env.DATABASE_URL = inject("databaseUrl");
  await s3?.close();
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(S3_DIR, { recursive: true, force: true });
});

async function api(base: string, method: string, route: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe("two servers on one database and one store", () => {
  it("a session made on one server works on the other, and signing out on the other ends it on both", async () => {
    const [one, two] = BASES as [string, string];
    const signIn = await api(one, "POST", "/session", undefined, {
      username: world.leader.user.username,
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(201);
    const token = signIn.body?.token as string;
    expect((await api(two, "GET", "/problems?pageSize=5", token)).status).toBe(200);
    expect((await api(one, "GET", "/problems?pageSize=5", token)).status).toBe(200);
    expect((await api(two, "DELETE", "/session", token)).status).toBe(204);
    expect((await api(one, "GET", "/problems?pageSize=5", token)).status).toBe(401);
    expect((await api(two, "GET", "/problems?pageSize=5", token)).status).toBe(401);
  });

  it("a file uploaded through one server downloads, byte for byte, through the other", async () => {
    const [one, two] = BASES as [string, string];
    const problem = await createProblem(db, {
      leadUnitId: world.divisionA.id,
      districtId: world.districtA.id,
      status: "RECTIFYING",
    });
    const bytes = await png(64, 48, "#2a7");
    const { body, contentType } = multipart([
      { name: "kind", value: "AFTER_PHOTO" },
      { name: "file", filename: "现场照片.png", bytes, contentType: "image/png" },
    ]);
    const up = await fetch(`${one}/api/v1/problems/${problem.id}/evidence`, {
      method: "POST",
      headers: { authorization: `Bearer ${world.coordinator.token}`, "content-type": contentType },
      body: new Uint8Array(body),
    });
    const created = (await up.json()) as { id: string; sha256?: string };
    expect(up.status, JSON.stringify(created)).toBe(201);
    const row = await db.evidence.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.storage).toBe("S3");

    const down = await fetch(`${two}/api/v1/evidence/${created.id}/file`, {
      headers: { authorization: `Bearer ${world.coordinator.token}` },
    });
    expect(down.status).toBe(200);
    const got = Buffer.from(await down.arrayBuffer());
    expect(createHash("sha256").update(got).digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("the escalation schedule started on two job runners runs once per tick", async () => {
    resetMetrics();
    // Two runners, as two servers would start them, with a schedule every minute.
    for (let i = 0; i < 2; i++) {
      boss.push(await startJobs({ connectionString: url, escalationCron: "* * * * *", pollingIntervalSeconds: 1 }));
    }
    const schedules = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.schedule WHERE name = ${ESCALATION_QUEUE}`;
    expect(Number(schedules[0]?.n)).toBe(1);

    // Wait for two minute ticks to be sent and run. pg-boss may send one tick more than once
    // (each runner checks the schedules every 30 s and a tick is due for 60 s): the claim of the
    // tick lets exactly one run happen per tick.
    const runs = () => {
      const line = renderMetrics()
        .split("\n")
        .find((l) => l.startsWith(`rectify_job_runs_total{queue="${ESCALATION_QUEUE}",outcome="ok"}`));
      return line ? Number(line.split(" ").at(-1)) : 0;
    };
    const pending = async () => {
      const [row] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pgboss.job WHERE name = ${ESCALATION_QUEUE} AND state IN ('created', 'retry', 'active')`;
      return Number(row?.n);
    };
    const until = Date.now() + 170_000;
    let ticks = 0;
    while (Date.now() < until) {
      ticks = await db.jobTick.count({ where: { queue: ESCALATION_QUEUE } });
      if (ticks >= 2 && (await pending()) === 0) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(runs()).toBe(ticks);
    expect(registry().jobRuns.size).toBeGreaterThan(0);
  }, 240_000);
});
