import "server-only";
import pg from "pg";

/**
 * A small `pg` pool of its own for the monitoring data's bulk statements (multi-row
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING`, the detection window query): millions of
 * readings go through plain parameter arrays instead of one ORM object per row.
 */
const g = globalThis as unknown as { rectifyBulkPool?: pg.Pool };

export function bulkPool(): pg.Pool {
  if (!g.rectifyBulkPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    g.rectifyBulkPool = new pg.Pool({ connectionString: url, max: 2 });
  }
  return g.rectifyBulkPool;
}

export async function closeBulkPool(): Promise<void> {
  const pool = g.rectifyBulkPool;
  g.rectifyBulkPool = undefined;
  await pool?.end();
}
