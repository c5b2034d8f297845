import "server-only";
import { db } from "@/lib/db";

/** Data every scheduled (cron) job carries, so a worker tells a tick from a job sent by hand. */
export const SCHEDULED = { scheduled: true } as const;

export function isScheduled(data: unknown): boolean {
  return (data as { scheduled?: unknown } | null)?.scheduled === true;
}

/** The minute a cron job was sent in: pg-boss sends a tick within the minute after it fires. */
export function tickOf(createdOn: Date): Date {
  return new Date(Math.floor(createdOn.getTime() / 60_000) * 60_000);
}

/**
 * Claims a scheduled tick for this server: true for the first claim of (queue, minute), false for
 * any later one. pg-boss's cron monitor may send the same tick twice (every instance checks the
 * schedules every 30 s and a tick counts as due for 60 s), so with two servers a daily run would
 * otherwise run twice.
 */
export async function claimTick(queue: string, createdOn: Date): Promise<boolean> {
  const claimed = await db.$executeRaw`
    INSERT INTO "JobTick" (queue, tick) VALUES (${queue}, ${tickOf(createdOn)}) ON CONFLICT DO NOTHING`;
  return claimed === 1;
}
