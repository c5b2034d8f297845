import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, bureauToday } from "@/lib/domain/calendar";
import {
  DEFAULT_ESCALATION_CRON,
  DEFAULT_PENALTIES_CRON,
  DELIVERIES_QUEUE,
  ESCALATION_QUEUE,
  PENALTIES_QUEUE,
  startJobs,
  TAIHU_QUEUE,
} from "@/lib/jobs/boss";
import { createProblem, createUnit, createUser } from "../factories";

/**
 * pg-boss on the test database: the schedules are stored (and survive a restart), and a worker
 * runs the escalation use case for a queued job — including one queued while no worker was up.
 */
const url = inject("databaseUrl");
let boss: PgBoss | null = null;

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting for the job");
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function overdueProblem() {
  const unit = await createUnit(db, { kind: "DIVISION" });
  const head = await createUser(db, { role: "DIVISION_HEAD", unitId: unit.id });
  const problem = await createProblem(db, {
    leadUnitId: unit.id,
    status: "RECTIFYING",
    deadline: addDays(bureauToday(), -1),
  });
  return { problem, head };
}

describe("scheduled jobs on pg-boss", () => {
  let queuedBeforeStart: Awaited<ReturnType<typeof overdueProblem>>;

  beforeAll(async () => {
    // A job queued while no worker runs (the app was down): pg-boss keeps it in the database.
    queuedBeforeStart = await overdueProblem();
    const sender = new PgBoss({ connectionString: url, schema: "pgboss", max: 1 });
    await sender.start();
    await sender.createQueue(ESCALATION_QUEUE, { name: ESCALATION_QUEUE, policy: "stately" });
    await sender.send(ESCALATION_QUEUE, {});
    await sender.stop({ graceful: false, wait: true });
  });

  it("a worker started later runs the job that waited, and the escalation use case does its work", async () => {
    boss = await startJobs({ connectionString: url, pollingIntervalSeconds: 1 });
    const { problem, head } = queuedBeforeStart;
    const notice = await waitFor(() => db.notification.findFirst({ where: { problemId: problem.id, userId: head.id } }));
    expect(notice.kind).toBe("escalation.YELLOW");
    expect((await db.problem.findUniqueOrThrow({ where: { id: problem.id } })).escalation).toBe("YELLOW");
  });

  it("stores the daily escalation (08:00 Asia/Shanghai) and the minutely deliveries schedules", async () => {
    const schedules = await (boss as PgBoss).getSchedules();
    expect(schedules.find((s) => s.name === ESCALATION_QUEUE)).toMatchObject({
      cron: DEFAULT_ESCALATION_CRON,
      timezone: "Asia/Shanghai",
    });
    expect(schedules.find((s) => s.name === DELIVERIES_QUEUE)).toMatchObject({ cron: "* * * * *" });
    expect(schedules.find((s) => s.name === TAIHU_QUEUE)).toMatchObject({ cron: "*/10 * * * *", timezone: "Asia/Shanghai" });
    expect(schedules.find((s) => s.name === PENALTIES_QUEUE)).toMatchObject({
      cron: DEFAULT_PENALTIES_CRON,
      timezone: "Asia/Shanghai",
    });
  });

  it("after a restart the schedules are still there and a job sent now is run", async () => {
    await (boss as PgBoss).stop({ graceful: false, wait: true });
    boss = await startJobs({ connectionString: url, pollingIntervalSeconds: 1, escalationCron: "30 7 * * *" });
    const names = (await boss.getSchedules()).map((s) => [s.name, s.cron]);
    expect(names).toContainEqual([ESCALATION_QUEUE, "30 7 * * *"]);
    expect(names).toContainEqual([DELIVERIES_QUEUE, "* * * * *"]);
    const { problem, head } = await overdueProblem();
    const jobId = await boss.send(ESCALATION_QUEUE, {});
    expect(jobId).not.toBeNull();
    await waitFor(() => db.notification.findFirst({ where: { problemId: problem.id, userId: head.id } }));
    const job = await waitFor(async () => {
      const j = await (boss as PgBoss).getJobById(ESCALATION_QUEUE, jobId as string, { includeArchive: true });
      return j?.state === "completed" ? j : null;
    });
    expect(job.output).toMatchObject({ yellow: expect.any(Number), notificationsCreated: expect.any(Number) });
  });
});
