import type { NextRequest } from "next/server";
import { renderMetrics } from "@/lib/ops/metrics";
import { ledgerCacheStats } from "@/lib/server/dashboard/ledger-cache";
import { metricsAccess } from "@/lib/server/ops/authorize-metrics";
import { queueDepths } from "@/lib/server/ops/queue-depth";

export const dynamic = "force-dynamic";

/** Prometheus scrape target; needs METRICS_TOKEN as a bearer token. */
export async function GET(req: NextRequest): Promise<Response> {
  const access = metricsAccess(req.headers.get("authorization"));
  if (access === "off") return new Response("metrics are off: set METRICS_TOKEN\n", { status: 404 });
  if (access === "denied") {
    return new Response("unauthorized\n", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const queueDepth = await queueDepths().catch(() => ({}));
  return new Response(renderMetrics({ queueDepth, ledgerCache: ledgerCacheStats() }), {
    headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
  });
}
