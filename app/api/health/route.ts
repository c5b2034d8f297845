import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/ops/check-health";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when this server can serve, 503 when its database or evidence store is down. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
