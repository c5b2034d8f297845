import "server-only";
/**
 * What a load balancer asks before sending traffic: can this process reach its database and its
 * evidence store, and are its scheduled jobs running. Each check has a time limit, so a hung
 * dependency answers "down" instead of hanging the probe. Nothing secret is reported.
 */
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { db } from "@/lib/db";
import { log } from "@/lib/ops/log";
import { evidenceStorage } from "@/lib/server/evidence/storage";
import { LocalStorage } from "@/lib/server/evidence/storage/local";

export type CheckStatus = "ok" | "down" | "starting" | "disabled";
export type HealthCheck = { status: CheckStatus; ms: number; detail?: string };
export type Health = {
  status: "ok" | "down";
  checks: { database: HealthCheck; storage: HealthCheck; jobs: HealthCheck };
};

const CHECK_TIMEOUT_MS = 3_000;

class HealthTimeout extends Error {}

/** A short, non-secret name for a failure: `timeout`, a driver code (`P2010`, `ECONNREFUSED`) or the error's class. */
function failureKind(e: unknown): string {
  if (e instanceof HealthTimeout) return "timeout";
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  const name = e instanceof Error ? e.name || e.constructor.name : "";
  return name || "error";
}

async function timed(
  name: string,
  run: () => Promise<CheckStatus | { status: CheckStatus; detail?: string }>,
): Promise<HealthCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HealthTimeout(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    const result = typeof outcome === "string" ? { status: outcome } : outcome;
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (e) {
    // The probe is public: the cause goes to the server log, the answer names only its kind.
    log("warn", `health check ${name} failed`, { err: e });
    return { status: "down", ms: Math.round(performance.now() - started), detail: failureKind(e) };
  } finally {
    clearTimeout(timer);
  }
}

async function checkDatabase(): Promise<CheckStatus> {
  await db.$queryRaw`SELECT 1`;
  return "ok";
}

async function checkStorage(): Promise<CheckStatus> {
  const storage = evidenceStorage();
  if (storage instanceof LocalStorage) {
    await mkdir(storage.root, { recursive: true });
    await access(storage.root, constants.R_OK | constants.W_OK);
    return "ok";
  }
  // S3: a HEAD of a key that need not exist proves the bucket answers with our credentials.
  await storage.exists("health/probe");
  return "ok";
}

async function checkJobs(): Promise<{ status: CheckStatus; detail?: string }> {
  if (process.env.JOBS_DISABLED === "1") return { status: "disabled" };
  const holder = globalThis as { rectifyJobs?: Promise<unknown> };
  if (!holder.rectifyJobs) return { status: "disabled", detail: "not started in this process" };
  const settled = await Promise.race([holder.rectifyJobs.then((boss) => (boss ? "ok" : "down")), Promise.resolve("pending")]);
  return settled === "pending" ? { status: "starting" } : { status: settled as CheckStatus };
}

/** Healthy when the database and the store answer; jobs are reported but don't take a server out of rotation. */
export async function checkHealth(): Promise<Health> {
  const [database, storage, jobs] = await Promise.all([
    timed("database", checkDatabase),
    timed("storage", checkStorage),
    timed("jobs", checkJobs),
  ]);
  const status = database.status === "ok" && storage.status === "ok" ? "ok" : "down";
  return { status, checks: { database, storage, jobs } };
}
