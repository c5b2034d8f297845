import { beforeEach, describe, expect, it } from "vitest";
import { countedJob, observeRequest, renderMetrics, resetMetrics } from "@/lib/ops/metrics";

const memory = { rss: 123_456_789, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };

function line(text: string, prefix: string): string | undefined {
  return text.split("\n").find((l) => l.startsWith(prefix));
}

describe("metrics in the Prometheus text format", () => {
  beforeEach(() => resetMetrics());

  it("counts request durations into cumulative buckets per route, method and status class", () => {
    observeRequest("/api/v1/problems/6f1c2b8e-3a41-4c7e-9d2f-0a1b2c3d4e5f", "get", 200, 0.02);
    observeRequest("/api/v1/problems/0a1c2b8e-3a41-4c7e-9d2f-0a1b2c3d4e5f", "GET", 204, 0.3);
    observeRequest("/api/v1/problems/0a1c2b8e-3a41-4c7e-9d2f-0a1b2c3d4e5f", "GET", 503, 12);
    const text = renderMetrics({}, memory);
    const base = 'route="/api/v1/problems/:id",method="GET",status="2xx"';
    expect(line(text, `rectify_http_request_duration_seconds_bucket{${base},le="0.01"}`)).toMatch(/ 0$/);
    expect(line(text, `rectify_http_request_duration_seconds_bucket{${base},le="0.025"}`)).toMatch(/ 1$/);
    expect(line(text, `rectify_http_request_duration_seconds_bucket{${base},le="0.5"}`)).toMatch(/ 2$/);
    expect(line(text, `rectify_http_request_duration_seconds_bucket{${base},le="+Inf"}`)).toMatch(/ 2$/);
    expect(line(text, `rectify_http_request_duration_seconds_sum{${base}}`)).toBe(
      `rectify_http_request_duration_seconds_sum{${base}} 0.32`,
    );
    expect(line(text, `rectify_http_request_duration_seconds_count{${base}}`)).toMatch(/ 2$/);
    // A 12 s answer falls in no finite bucket but is counted.
    const slow = 'route="/api/v1/problems/:id",method="GET",status="5xx"';
    expect(line(text, `rectify_http_request_duration_seconds_bucket{${slow},le="10"}`)).toMatch(/ 0$/);
    expect(line(text, `rectify_http_request_duration_seconds_count{${slow}}`)).toMatch(/ 1$/);
  });

  it("declares each family once with HELP and TYPE, and reports memory", () => {
    observeRequest("/a", "GET", 200, 0.001);
    const text = renderMetrics({ queueDepth: { escalation: 2, deliveries: 0 } }, memory);
    expect(text.match(/# TYPE rectify_http_request_duration_seconds histogram/g)).toHaveLength(1);
    expect(text).toContain('rectify_job_queue_depth{queue="deliveries"} 0\nrectify_job_queue_depth{queue="escalation"} 2');
    expect(text).toContain("rectify_process_resident_memory_bytes 123456789");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("reports the dashboard summary cache's hits, misses and shared computations as one counter family", () => {
    const text = renderMetrics({ ledgerCache: { hits: 40, misses: 3, shared: 2 } }, memory);
    expect(text.match(/# TYPE rectify_ledger_cache_reads_total counter/g)).toHaveLength(1);
    expect(text).toContain(
      'rectify_ledger_cache_reads_total{outcome="hit"} 40\nrectify_ledger_cache_reads_total{outcome="miss"} 3\nrectify_ledger_cache_reads_total{outcome="shared"} 2',
    );
    expect(renderMetrics({}, memory)).not.toContain("rectify_ledger_cache");
  });

  it("counts job runs and failures, rethrowing the failure", async () => {
    await countedJob("escalation", async () => 1);
    await countedJob("escalation", async () => 2);
    await expect(countedJob("escalation", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    const text = renderMetrics({}, memory);
    expect(text).toContain('rectify_job_runs_total{queue="escalation",outcome="ok"} 2');
    expect(text).toContain('rectify_job_runs_total{queue="escalation",outcome="failed"} 1');
  });

  it("escapes label values and bounds the number of routes", () => {
    for (let i = 0; i < 320; i++)
      observeRequest(`/r${"x".repeat(3)}${String.fromCharCode(97 + (i % 26))}/w${i}q`, "GET", 200, 0.001);
    const text = renderMetrics({ queueDepth: { 'we"ird\\q\nname': 1 } }, memory);
    expect(text).toContain('queue="we\\"ird\\\\q\\nname"');
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]));
    expect(routes.size).toBe(301);
    expect(routes.has("other")).toBe(true);
  });
});
