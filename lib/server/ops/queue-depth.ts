import "server-only";
import { db } from "@/lib/db";

/**
 * Jobs waiting per pg-boss queue (created or waiting to retry). Empty when the job schema does
 * not exist yet (jobs never started on this database).
 */
export async function queueDepths(): Promise<Record<string, number>> {
  const present = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`;
  if (!present[0]?.present) return {};
  const rows = await db.$queryRaw<{ name: string; depth: bigint }[]>`
    SELECT name, count(*) AS depth FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`;
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.depth)]));
}
