/**
 * Next.js start-up hook: the scheduled jobs (escalation, deliveries) run inside the Node.js server.
 * Off with JOBS_DISABLED=1 (tests), during `next build`, and in the edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_DISABLED === "1") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsInBackground } = await import("./lib/jobs/boss");
  startJobsInBackground();
}
