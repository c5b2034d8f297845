/**
 * `npm run bench:escalation`: the daily escalation job at scale. Loads 100 000 problems (with
 * 300 000 measures, leaders, divisions, agencies and their heads, deadlines spread around today)
 * into a fresh embedded database (.data/pg-bench-esc, port 54336), runs the job once (cold: every reminder,
 * yellow and red notice is due) and again the same day (idempotent: nothing to send), and prints
 * the time of each, the notifications created and the problems per second.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { closeBenchDb, openBenchDb } from "./bench-db";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);

const bench = await openBenchDb("pg-bench-esc", Number(process.env.BENCH_PG_PORT ?? 54336));
const { client } = bench;
// Notices only, no outgoing copies: the figures are the job's, not an SMTP server's.
process.env.SMTP_URL = "";
process.env.WEBHOOK_URL = "";

console.log(`Loading ${PROBLEMS} problems and ${PROBLEMS * 3} measures…`);
let t = performance.now();
await client.query(`
  INSERT INTO "District" (id, code, name, "nameEn", "sortOrder")
  SELECT gen_random_uuid(), c, 'D' || c, 'D' || c, n FROM unnest(ARRAY['320205','320206','320211','320213','320214','320281','320282','320299']) WITH ORDINALITY AS t(c, n);
  INSERT INTO "Unit" (id, code, name, "nameEn", kind, "sortOrder") VALUES (gen_random_uuid(), 'BUREAU', '生态环境局', 'Bureau', 'BUREAU', 0);
  INSERT INTO "Unit" (id, code, name, "nameEn", kind, "districtId", "parentId", "sortOrder")
  SELECT gen_random_uuid(), 'U' || lpad(i::text, 2, '0'), CASE WHEN i <= 12 THEN '处室' ELSE '分局' END || i, 'Unit ' || i,
         CASE WHEN i <= 12 THEN 'DIVISION' ELSE 'AGENCY' END::"UnitKind",
         CASE WHEN i > 12 THEN (SELECT id FROM "District" ORDER BY code OFFSET (i - 13) % 8 LIMIT 1) END,
         (SELECT id FROM "Unit" WHERE code = 'BUREAU'), i
  FROM generate_series(1, 20) i;
  INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "unitId", email, "updatedAt")
  SELECT gen_random_uuid(), 'leader' || i, 'x', '领导' || i, 'LEADER', (SELECT id FROM "Unit" WHERE code = 'BUREAU'), 'leader' || i || '@bench.test', now()
  FROM generate_series(1, 5) i;
  INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "unitId", "districtId", email, "updatedAt")
  SELECT gen_random_uuid(), 'staff-' || u.code || '-' || s, 'x', '负责人' || u.code || s,
         CASE WHEN u.kind = 'DIVISION' THEN 'DIVISION_HEAD' ELSE 'FIELD_OFFICER' END::"Role", u.id, u."districtId",
         'staff-' || u.code || '-' || s || '@bench.test', now()
  FROM "Unit" u, generate_series(1, 2) s WHERE u.kind <> 'BUREAU';
`);
await client.query(
  `
  WITH d AS (SELECT array_agg(id ORDER BY code) a FROM "District"),
       u AS (SELECT array_agg(id ORDER BY code) a FROM "Unit" WHERE kind <> 'BUREAU'),
       l AS (SELECT array_agg(id ORDER BY username) a FROM "User" WHERE role = 'LEADER')
  INSERT INTO "Problem" (id, code, title, description, source, category, "districtId", "leadOfficialId", "leadUnitId",
    "deadlineBand", deadline, status, progress, "assignedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), 'E-' || lpad(i::text, 7, '0'), '问题' || i, '原始交办描述 ' || i,
    (enum_range(NULL::"ProblemSource"))[1 + i % 8], (enum_range(NULL::"ProblemCategory"))[1 + (i / 8) % 8],
    d.a[1 + i % 8], l.a[1 + i % 5], u.a[1 + i % 20],
    CASE WHEN i % 20 = 0 THEN 'ONGOING' ELSE 'SHORT' END::"DeadlineBand",
    CASE WHEN i % 20 = 0 THEN NULL ELSE current_date + ((i * 7919) % 400) - 100 END,
    CASE WHEN i % 20 = 0 THEN 'ONGOING' WHEN i % 10 = 1 THEN 'CLOSED' WHEN i % 10 = 2 THEN 'ASSIGNED' ELSE 'RECTIFYING' END::"ProblemStatus",
    (i * 37) % 101, now() - ((i % 300) + 30) * interval '1 day', now() - ((i % 300) + 40) * interval '1 day', now()
  FROM generate_series(1, $1::int) i, d, u, l`,
  [PROBLEMS],
);
await client.query(`
  INSERT INTO "Measure" (id, "problemId", seq, description, status, percent, "updatedAt")
  SELECT gen_random_uuid(), p.id, s, '措施' || s, CASE WHEN p.progress >= 100 THEN 'DONE' ELSE 'IN_PROGRESS' END::"MeasureStatus", p.progress, now()
  FROM "Problem" p, generate_series(1, 3) s;
  ANALYZE;
`);
console.log(`Loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const { runEscalation } = await import("../../lib/server/escalation/run-escalation");
const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} (${cpus().length} cores)`,
);
for (const label of ["cold run", "idempotent run"]) {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  const before = await count(`SELECT count(*) AS n FROM "Notification"`);
  t = performance.now();
  const run = await runEscalation();
  const seconds = (performance.now() - t) / 1000;
  const created = (await count(`SELECT count(*) AS n FROM "Notification"`)) - before;
  console.log(
    `\n${label}: ${seconds.toFixed(2)} s, ${created} notifications created, ` +
      `${Math.round(run.problemsGraded / seconds)} problems/s graded, ${Math.round(created / seconds)} notifications/s`,
  );
  console.log(
    `  graded ${run.problemsGraded} (colour changed ${run.colourChanged}), on the ladder ${run.problemsChecked}: ` +
      `reminded ${run.reminded}, yellow ${run.yellow}, red ${run.red}, re-armed ${run.rearmed}; late reporters ${run.lateReporters}`,
  );
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const p = run.phasesMs;
  console.log(
    `  phases: grade colours ${s(p.colours)}, ladder ${s(p.ladder)}, audit ${s(p.audit)}, ladder notifications ${s(p.notifications)}, ` +
      `late reporters (with their notifications) ${s(p.lateReporters)}, self-reviews and Taihu alerts ${s(p.other)}`,
  );
  console.log(
    `  load average before ${load}, after ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
}
if (process.env.BENCH_EXPLAIN) {
  // Where the late-report step's time goes: its statement again on the cold state (the reminders
  // deleted in a transaction that is rolled back), under EXPLAIN ANALYZE.
  const { lateReminderSql } = await import("../../lib/server/escalation/remind-late-reporters");
  const { getSettings } = await import("../../lib/server/settings/get-settings");
  const { bureauToday, formatCalendarDate } = await import("../../lib/domain/calendar");
  const q = lateReminderSql(formatCalendarDate(bureauToday(new Date())), await getSettings());
  await client.query("BEGIN");
  await client.query(`SET LOCAL work_mem = '64MB'`);
  await client.query(`DELETE FROM "Notification" WHERE kind = 'report.late'`);
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF) ${q.text}`, q.values);
  await client.query("ROLLBACK");
  console.log(`\nlate-report reminders, EXPLAIN ANALYZE (cold):\n  ${plan.rows.map((r) => r["QUERY PLAN"]).join("\n  ")}`);
}
const levels = (await client.query(`SELECT escalation::text AS level, count(*)::int AS n FROM "Problem" GROUP BY 1 ORDER BY 1`))
  .rows;
console.log(`\nescalation levels: ${levels.map((r) => `${r.level} ${r.n}`).join(", ")}`);

await closeBenchDb(bench);
