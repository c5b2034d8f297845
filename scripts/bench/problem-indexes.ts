/**
 * `npm run bench:problem-indexes`: which of `Problem`'s indexes the reads use. The daily
 * escalation job rewrites the colour, progress and escalation of tens of thousands of problems; an
 * index on one of those columns makes every such update write a new entry into every index of the
 * table (no HOT update). This loads 100 000 problems (escalation levels as the job leaves them),
 * runs the reads that filter or sort on those columns — the ledger with a colour filter, as a
 * leader and as a division, the at-risk list, the dashboard summary, My work — and prints, per
 * index on `Problem`, how often the reads used it (`pg_stat_user_indexes`), their plans for the
 * colour and at-risk filters (EXPLAIN ANALYZE), and each read's p50/p95 with the indexes on the
 * colour and escalation columns and with them dropped (the escalation index, dropped by a
 * migration since, is made again for the comparison). Pass index names to compare others.
 */
import { performance } from "node:perf_hooks";
import { closeBenchDb, loadLedger, openBenchDb, percentile } from "./bench-db";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CANDIDATES = process.argv.slice(2).length ? process.argv.slice(2) : ["Problem_colour_idx", "Problem_escalation_idx"];

const bench = await openBenchDb("pg-bench-idx", Number(process.env.BENCH_PG_PORT ?? 54341));
const leader = await loadLedger(bench, PROBLEMS);
const { client } = bench;
// The ladder's levels as the job leaves them: red 15 days after the deadline, yellow from it, a reminder within 7 days.
await client.query(`
  UPDATE "Problem" SET escalation = CASE WHEN deadline < current_date - 15 THEN 'RED' WHEN deadline <= current_date THEN 'YELLOW'
    WHEN deadline <= current_date + 7 THEN 'REMINDED' ELSE 'NONE' END::"EscalationLevel"
  WHERE status NOT IN ('CLOSED', 'ONGOING') AND deadline IS NOT NULL`);
// The escalation index as it was before the migration that dropped it, to compare with and without.
await client.query(`CREATE INDEX IF NOT EXISTS "Problem_escalation_idx" ON "Problem"(escalation)`);
await client.query(`VACUUM ANALYZE "Problem"`);
const unit = (await client.query(`SELECT id FROM "Unit" WHERE kind = 'DIVISION' ORDER BY code LIMIT 1`)).rows[0].id as string;
const division = { ...leader, id: leader.id, role: "DIVISION_HEAD" as const, unitId: unit, username: "division" };

const { listProblems } = await import("../../lib/server/problems/list-problems");
const { listAtRisk } = await import("../../lib/server/escalation/list-at-risk");
const { getDashboardSummary } = await import("../../lib/server/dashboard/get-dashboard-summary");
const { getMyWork } = await import("../../lib/server/work/get-my-work");

const reads: [string, () => Promise<unknown>][] = [
  ["ledger, colour RED, 50 rows", () => listProblems(leader, { colour: "RED", pageSize: "50" })],
  ["ledger, colour RED+YELLOW, sorted by progress", () => listProblems(leader, { colour: "RED,YELLOW", sort: "progress" })],
  ["ledger, default order (division)", () => listProblems(division, { pageSize: "50" })],
  ["ledger, colour RED (division)", () => listProblems(division, { colour: "RED" })],
  ["at-risk list (leader)", () => listAtRisk(leader, {})],
  ["at-risk list (division)", () => listAtRisk(division, {})],
  ["dashboard summary", () => getDashboardSummary(leader)],
  ["My work (division)", () => getMyWork(division)],
];

async function time(): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const [name, read] of reads) {
    const xs: number[] = [];
    for (let i = 0; i < ROUNDS + 2; i++) {
      const t = performance.now();
      await read();
      if (i >= 2) xs.push(performance.now() - t);
    }
    out.set(name, xs);
  }
  return out;
}

const PLANS = [
  ["colour filter", `SELECT id FROM "Problem" WHERE colour = 'RED' ORDER BY deadline LIMIT 50`],
  [
    "at-risk filter",
    `SELECT count(*) FROM "Problem" WHERE status <> 'CLOSED' AND ((escalation = 'RED' AND status <> 'ONGOING') OR colour = 'RED')`,
  ],
] as const;
async function plans(label: string): Promise<void> {
  for (const [name, sql] of PLANS) {
    const plan = (await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`)).rows.map((r) => r["QUERY PLAN"] as string);
    console.log(`\n${name}, ${label}:\n  ${plan.join("\n  ")}`);
  }
}

console.log(
  `load average ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
await client.query(`SELECT pg_stat_reset()`);
const withIdx = await time();
await new Promise((r) => setTimeout(r, 11_000)); // the pool's backends report their statistics when idle
const used = (
  await client.query(
    `SELECT indexrelname AS name, idx_scan::int AS scans FROM pg_stat_user_indexes WHERE relname = 'Problem' ORDER BY 1`,
  )
).rows as { name: string; scans: number }[];
console.log("\nindex scans on Problem during the reads:");
for (const u of used)
  console.log(`  ${u.name.padEnd(34)} ${u.scans}${CANDIDATES.includes(u.name) ? "   ← on a column the daily job rewrites" : ""}`);
await plans("with the indexes");

await client.query(CANDIDATES.map((n) => `DROP INDEX "${n}";`).join(" "));
await client.query(`ANALYZE "Problem"`);
const without = await time();
await plans(`without ${CANDIDATES.join(", ")}`);

const f = (n: number) => `${n.toFixed(1)}ms`.padStart(9);
console.log(
  `\n${"read".padEnd(48)} ${"with p50".padStart(9)} ${"with p95".padStart(9)} ${"w/o p50".padStart(9)} ${"w/o p95".padStart(9)}`,
);
for (const [name] of reads) {
  const a = withIdx.get(name) ?? [];
  const b = without.get(name) ?? [];
  console.log(
    `${name.padEnd(48)} ${f(percentile(a, 50))} ${f(percentile(a, 95))} ${f(percentile(b, 50))} ${f(percentile(b, 95))}`,
  );
}
console.log(
  `load average ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
await closeBenchDb(bench);
