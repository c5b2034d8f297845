import PgBoss from "pg-boss";
import { log } from "../ops/log";
import { countedJob } from "../ops/metrics";
import { runEscalation } from "../server/escalation/run-escalation";
import { deliverPending } from "../server/notifications/deliver-pending";
import { claimTick, isScheduled, SCHEDULED } from "../server/ops/claim-tick";
import { evaluatePenalties, latestPenaltyMonth } from "../server/penalties/evaluate-penalties";
import { runTaihuAlerts } from "../server/taihu/run-taihu-alerts";

/**
 * Scheduled jobs on pg-boss, in the app's own PostgreSQL (schema `pgboss`), so schedules and
 * queued jobs survive a restart: `escalation` daily (ESCALATION_CRON, 08:00 Asia/Shanghai by
 * default) and once at start, `deliveries` every minute and right after each escalation run.
 * `penalties` monthly (PENALTIES_CRON, the 10th at 06:00 by default, once the month's figures are
 * published): the latest month with air data evaluated into penalty proposals.
 * All three use cases are idempotent, so a job retried after a crash sends or proposes nothing twice.
 */
export const ESCALATION_QUEUE = "escalation";
export const DELIVERIES_QUEUE = "deliveries";
export const DEFAULT_ESCALATION_CRON = "0 8 * * *";
export const PENALTIES_QUEUE = "penalties";
export const DEFAULT_PENALTIES_CRON = "0 6 10 * *";
export const JOBS_TIME_ZONE = "Asia/Shanghai";
/** Taihu alert episodes (太湖安全度夏) are judged every 10 minutes, so a typed or imported reading over a threshold reaches the duty leader soon. */
export const TAIHU_QUEUE = "taihu-alerts";
const RETRY_START_MS = 60_000;

export type JobsOptions = {
  connectionString: string;
  escalationCron?: string;
  penaltiesCron?: string;
  /** Queue an escalation run at once (the app does; tests choose). */
  runOnStart?: boolean;
  /** How often idle workers look for jobs (pg-boss default 2 s). */
  pollingIntervalSeconds?: number;
};

export async function startJobs(opts: JobsOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: "pgboss",
    max: 3,
    application_name: "rectify-jobs",
  });
  boss.on("error", (e) => log("error", "jobs error", { err: e }));
  try {
    await boss.start();
  } catch (e) {
    // Release the half-started instance's pool before the caller tries again.
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw e;
  }
  // "stately": at most one queued and one running job per queue, so a slow run never piles up.
  await boss.createQueue(ESCALATION_QUEUE, {
    name: ESCALATION_QUEUE,
    policy: "stately",
    expireInSeconds: 3_600,
    retryLimit: 3,
    retryDelay: 300,
  });
  await boss.createQueue(DELIVERIES_QUEUE, { name: DELIVERIES_QUEUE, policy: "stately", expireInSeconds: 600, retryLimit: 0 });
  await boss.schedule(ESCALATION_QUEUE, opts.escalationCron || DEFAULT_ESCALATION_CRON, SCHEDULED, { tz: JOBS_TIME_ZONE });
  await boss.schedule(DELIVERIES_QUEUE, "* * * * *", {}, { tz: JOBS_TIME_ZONE });
  await boss.createQueue(PENALTIES_QUEUE, {
    name: PENALTIES_QUEUE,
    policy: "stately",
    expireInSeconds: 3_600,
    retryLimit: 3,
    retryDelay: 600,
  });
  await boss.schedule(PENALTIES_QUEUE, opts.penaltiesCron || DEFAULT_PENALTIES_CRON, SCHEDULED, { tz: JOBS_TIME_ZONE });

  const polling = opts.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: opts.pollingIntervalSeconds };
  const withMeta = { ...polling, includeMetadata: true as const };
  await boss.work(ESCALATION_QUEUE, withMeta, async ([job]) => {
    if (job && isScheduled(job.data) && !(await claimTick(ESCALATION_QUEUE, job.createdOn)))
      return { skipped: "tick already run" };
    return countedJob(ESCALATION_QUEUE, async () => {
      const run = await runEscalation();
      log("info", "job escalation", { queue: ESCALATION_QUEUE, ...run });
      await boss.send(DELIVERIES_QUEUE, {});
      return run;
    });
  });
  await boss.work(DELIVERIES_QUEUE, polling, () =>
    countedJob(DELIVERIES_QUEUE, async () => {
      const run = await deliverPending();
      if (run.sent || run.retrying || run.failed) log("info", "job deliveries", { queue: DELIVERIES_QUEUE, ...run });
      return run;
    }),
  );
  await boss.work(PENALTIES_QUEUE, withMeta, async ([job]) => {
    if (job && isScheduled(job.data) && !(await claimTick(PENALTIES_QUEUE, job.createdOn)))
      return { skipped: "tick already run" };
    return countedJob(PENALTIES_QUEUE, async () => {
      const latest = await latestPenaltyMonth();
      if (!latest) return { skipped: "no air data" };
      const run = await evaluatePenalties(latest.year, latest.month);
      log("info", "job penalties", { queue: PENALTIES_QUEUE, ...run });
      return run;
    });
  });
  await boss.createQueue(TAIHU_QUEUE, { name: TAIHU_QUEUE, policy: "stately", expireInSeconds: 600, retryLimit: 0 });
  await boss.schedule(TAIHU_QUEUE, "*/10 * * * *", {}, { tz: JOBS_TIME_ZONE });
  await boss.work(TAIHU_QUEUE, polling, async () => {
    const run = await runTaihuAlerts();
    if (run.notificationsCreated) await boss.send(DELIVERIES_QUEUE, {});
    return run;
  });
  if (opts.runOnStart) await boss.send(ESCALATION_QUEUE, {});
  return boss;
}

const holder = globalThis as { rectifyJobs?: Promise<PgBoss | null> };

/**
 * Starts the jobs for the running app without holding up its start: a database that is slow or
 * down is logged and tried again a minute later. Once per process.
 */
export function startJobsInBackground(): void {
  if (holder.rectifyJobs) return;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    log("warn", "DATABASE_URL is not set; scheduled jobs are off");
    return;
  }
  const attempt = async (): Promise<PgBoss | null> => {
    try {
      const boss = await startJobs({
        connectionString,
        escalationCron: process.env.ESCALATION_CRON,
        penaltiesCron: process.env.PENALTIES_CRON,
        runOnStart: true,
      });
      log("info", "jobs started", {
        escalationCron: process.env.ESCALATION_CRON || DEFAULT_ESCALATION_CRON,
        timeZone: JOBS_TIME_ZONE,
        deliveries: "every minute",
      });
      return boss;
    } catch (e) {
      log("error", "jobs could not start; retrying", { err: e, retryInSeconds: RETRY_START_MS / 1000 });
      await new Promise((resolve) => setTimeout(resolve, RETRY_START_MS).unref());
      return attempt();
    }
  };
  holder.rectifyJobs = attempt();
}
