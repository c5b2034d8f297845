/**
 * In-process metrics in the Prometheus text format (exposition format 0.0.4): request durations
 * by route, job runs and failures. The registry lives on `globalThis` because the HTTP entry
 * (scripts/serve.ts, run by tsx) and the Next.js bundle (route handlers, jobs) load this module
 * as two separate instances in the same process.
 */
import { routeLabel } from "@/lib/domain/route-label";

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** Series beyond this many routes are counted under `route="other"`. */
const MAX_ROUTES = 300;

type Histogram = { buckets: number[]; sum: number; count: number };
type Registry = {
  requests: Map<string, Histogram>;
  routes: Set<string>;
  jobRuns: Map<string, number>;
  startedAt: number;
};

const KEY = Symbol.for("rectify.metrics");

export function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  g[KEY] ??= { requests: new Map(), routes: new Set(), jobRuns: new Map(), startedAt: Date.now() };
  return g[KEY];
}

/** Forgets everything counted (tests). */
export function resetMetrics(): void {
  const r = registry();
  r.requests.clear();
  r.routes.clear();
  r.jobRuns.clear();
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export function observeRequest(pathname: string, method: string, status: number, seconds: number): void {
  const r = registry();
  let route = routeLabel(pathname);
  if (!r.routes.has(route)) {
    if (r.routes.size >= MAX_ROUTES) route = "other";
    else r.routes.add(route);
  }
  const key = JSON.stringify([route, method.toUpperCase(), statusClass(status)]);
  let h = r.requests.get(key);
  if (!h) {
    h = { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
    r.requests.set(key, h);
  }
  DURATION_BUCKETS.forEach((le, i) => {
    if (seconds <= le) (h.buckets[i] as number)++;
  });
  h.sum += seconds;
  h.count++;
}

export type JobOutcome = "ok" | "failed";

export function countJobRun(queue: string, outcome: JobOutcome): void {
  const r = registry();
  const key = JSON.stringify([queue, outcome]);
  r.jobRuns.set(key, (r.jobRuns.get(key) ?? 0) + 1);
}

/** Runs a job body and counts its outcome; the failure is rethrown for the queue's retry policy. */
export async function countedJob<T>(queue: string, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    countJobRun(queue, "ok");
    return result;
  } catch (e) {
    countJobRun(queue, "failed");
    throw e;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labels(pairs: Record<string, string>): string {
  const body = Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(",");
  return body ? `{${body}}` : "";
}

function num(n: number): string {
  return Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : "-Inf";
}

export type Gauges = {
  /** Jobs waiting per queue (created or waiting to retry). */
  queueDepth?: Record<string, number>;
  /** Reads of ledger-wide results (the dashboard summary) kept while the ledger version is unchanged. */
  ledgerCache?: { hits: number; misses: number; shared: number };
};

export function renderMetrics(gauges: Gauges = {}, memory: NodeJS.MemoryUsage = process.memoryUsage()): string {
  const r = registry();
  const lines: string[] = [];
  lines.push("# HELP rectify_http_request_duration_seconds Time to answer an HTTP request, by route, method and status class.");
  lines.push("# TYPE rectify_http_request_duration_seconds histogram");
  const requestKeys = [...r.requests.keys()].sort();
  for (const key of requestKeys) {
    const [route, method, status] = JSON.parse(key) as [string, string, string];
    const h = r.requests.get(key) as Histogram;
    const base = { route, method, status };
    DURATION_BUCKETS.forEach((le, i) => {
      lines.push(`rectify_http_request_duration_seconds_bucket${labels({ ...base, le: String(le) })} ${h.buckets[i]}`);
    });
    lines.push(`rectify_http_request_duration_seconds_bucket${labels({ ...base, le: "+Inf" })} ${h.count}`);
    lines.push(`rectify_http_request_duration_seconds_sum${labels(base)} ${num(h.sum)}`);
    lines.push(`rectify_http_request_duration_seconds_count${labels(base)} ${h.count}`);
  }
  lines.push("# HELP rectify_job_runs_total Scheduled job runs by queue and outcome.");
  lines.push("# TYPE rectify_job_runs_total counter");
  for (const key of [...r.jobRuns.keys()].sort()) {
    const [queue, outcome] = JSON.parse(key) as [string, string];
    lines.push(`rectify_job_runs_total${labels({ queue, outcome })} ${r.jobRuns.get(key)}`);
  }
  lines.push("# HELP rectify_job_queue_depth Jobs waiting to run (created or retrying), by queue.");
  lines.push("# TYPE rectify_job_queue_depth gauge");
  for (const [queue, depth] of Object.entries(gauges.queueDepth ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`rectify_job_queue_depth${labels({ queue })} ${depth}`);
  }
  if (gauges.ledgerCache) {
    lines.push(
      "# HELP rectify_ledger_cache_reads_total Dashboard summary reads: served from the cache (hit), computed (miss), waiting for a computation already running (shared).",
    );
    lines.push("# TYPE rectify_ledger_cache_reads_total counter");
    for (const outcome of ["hit", "miss", "shared"] as const) {
      const n = { hit: gauges.ledgerCache.hits, miss: gauges.ledgerCache.misses, shared: gauges.ledgerCache.shared }[outcome];
      lines.push(`rectify_ledger_cache_reads_total${labels({ outcome })} ${n}`);
    }
  }
  lines.push("# HELP rectify_process_resident_memory_bytes Resident memory of the server process.");
  lines.push("# TYPE rectify_process_resident_memory_bytes gauge");
  lines.push(`rectify_process_resident_memory_bytes ${memory.rss}`);
  lines.push("# HELP rectify_process_uptime_seconds Seconds since the metrics registry started.");
  lines.push("# TYPE rectify_process_uptime_seconds gauge");
  lines.push(`rectify_process_uptime_seconds ${num((Date.now() - r.startedAt) / 1000)}`);
  return `${lines.join("\n")}\n`;
}
