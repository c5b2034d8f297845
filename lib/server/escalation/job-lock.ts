import "server-only";
import type { Tx } from "../../db";

export const TX_OPTIONS = { maxWait: 60_000, timeout: 300_000 };
const JOB_LOCK = 7_301_126;

/**
 * Two runs at once (a scheduled one and one by hand, or two servers) write batch after batch in
 * turn instead of locking the same problems in different orders; their guards keep each notice single.
 */
export async function lockEscalationJob(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${JOB_LOCK}::bigint)`;
}

/**
 * The job's set-based statements sort a batch's recipients (≈ 100 000 rows): room to do it in
 * memory instead of on disk, for this transaction only.
 */
export async function batchMemory(tx: Tx): Promise<void> {
  await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
}
