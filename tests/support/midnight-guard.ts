const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** How close to midnight in Shanghai a test file may not start. */
export const MIDNIGHT_MARGIN_MS = 4 * 60_000;

/** 0, or how long to wait so that a file starting now runs within one Shanghai day. */
export function msUntilShanghaiDayIsSafe(now = Date.now()): number {
  const intoDay = (now + SHANGHAI_MS) % DAY_MS;
  return intoDay > DAY_MS - MIDNIGHT_MARGIN_MS ? DAY_MS - intoDay + 5_000 : 0;
}

/**
 * A clock source that runs with the system clock but never leaves the Shanghai day `start` falls
 * in: past that day's last millisecond it stays there. Set for every integration test file
 * (tests/support/integration-setup.ts), so "today", overdue days and due dates computed by the
 * test and by the server agree even when a run crosses midnight in Shanghai.
 */
export function heldWithinShanghaiDay(start = Date.now(), system: () => number = Date.now): () => number {
  const dayEnd = Math.floor((start + SHANGHAI_MS) / DAY_MS) * DAY_MS + DAY_MS - SHANGHAI_MS;
  return () => Math.min(system(), dayEnd - 1);
}
