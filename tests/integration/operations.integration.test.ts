import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { NextRequest } from "next/server";
import PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { observeRequest, resetMetrics } from "@/lib/ops/metrics";
import { allowConsoleError } from "../support/console-guard";

/** The operations endpoints a load balancer and Prometheus call, against the real database. */
const url = inject("databaseUrl");
const TOKEN = "metrics-token-for-tests-0001";
const saved = { dir: process.env.EVIDENCE_DIR, storage: process.env.EVIDENCE_STORAGE, token: process.env.METRICS_TOKEN };
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "rectify-ops-"));
});

afterEach(() => {
  process.env.EVIDENCE_DIR = saved.dir;
  process.env.EVIDENCE_STORAGE = saved.storage;
  process.env.METRICS_TOKEN = saved.token;
  if (saved.dir === undefined) delete process.env.EVIDENCE_DIR;
  if (saved.storage === undefined) delete process.env.EVIDENCE_STORAGE;
  if (saved.token === undefined) delete process.env.METRICS_TOKEN;
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type HealthBody = { status: string; checks: Record<string, { status: string; ms: number; detail?: string }> };

describe("GET /api/health", () => {
  it("answers 200 when the database and the evidence store answer", async () => {
    process.env.EVIDENCE_STORAGE = "local";
    process.env.EVIDENCE_DIR = path.join(scratch, "evidence");
    const res = await health();
    const body = (await res.json()) as HealthBody;
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body.status).toBe("ok");
    expect(body.checks.database?.status).toBe("ok");
    expect(body.checks.storage?.status).toBe("ok");
    expect(["disabled", "ok", "starting"]).toContain(body.checks.jobs?.status);
  });

  it("answers 503 naming the store when evidence can't be written", async () => {
    const notADirectory = path.join(scratch, "a-file");
    writeFileSync(notADirectory, "x");
    process.env.EVIDENCE_STORAGE = "local";
    process.env.EVIDENCE_DIR = path.join(notADirectory, "evidence");
    const res = await health();
    const body = (await res.json()) as HealthBody;
    expect(res.status).toBe(503);
    expect(body.status).toBe("down");
    expect(body.checks.storage?.status).toBe("down");
    expect(body.checks.database?.status).toBe("ok");
  });

  it("answers 503 within its time limit when the database is unreachable", async () => {
    const holder = globalThis as { rectifyDb?: PrismaClient };
    const real = holder.rectifyDb;
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody:x@127.0.0.1:1/none", connectionTimeoutMillis: 500 }),
    });
    holder.rectifyDb = unreachable;
    process.env.EVIDENCE_DIR = path.join(scratch, "evidence");
    try {
      const started = Date.now();
      const res = await health();
      const body = (await res.json()) as HealthBody;
      expect(res.status).toBe(503);
      expect(body.checks.database?.status).toBe("down");
      expect(body.checks.database?.detail, JSON.stringify(body)).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(10_000);
      // Nothing about the connection string leaks into the answer.
      expect(JSON.stringify(body)).not.toContain("nobody");
    } finally {
      holder.rectifyDb = real;
      await unreachable.$disconnect().catch(() => {});
    }
  });
});

function scrape(authorization?: string): Promise<Response> {
  const headers = new Headers();
  if (authorization) headers.set("authorization", authorization);
  return metrics(new NextRequest("http://localhost/api/metrics", { headers }));
}

describe("GET /api/metrics", () => {
  it("is off without METRICS_TOKEN and refuses a wrong token", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    const denied = await scrape("Bearer wrong-token-wrong-token-00");
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape()).status).toBe(401);
  });

  it("serves request durations and the depth of a real pg-boss queue", async () => {
    allowConsoleError();
    process.env.METRICS_TOKEN = TOKEN;
    resetMetrics();
    observeRequest("/api/v1/problems", "GET", 200, 0.04);
    const queue = `ops-depth-${Date.now()}`;
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 1 });
    await boss.start();
    try {
      await boss.createQueue(queue, { name: queue });
      await boss.send(queue, { n: 1 });
      await boss.send(queue, { n: 2 });
      const res = await scrape(`Bearer ${TOKEN}`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      expect(text).toContain('rectify_http_request_duration_seconds_count{route="/api/v1/problems",method="GET",status="2xx"} 1');
      expect(text).toContain(`rectify_job_queue_depth{queue="${queue}"} 2`);
      expect(text).toMatch(/^rectify_process_resident_memory_bytes \d+$/m);
    } finally {
      await boss.deleteQueue(queue).catch(() => {});
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
