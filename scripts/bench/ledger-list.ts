/**
 * `npm run bench:ledger`: the ledger list at scale. Loads 100 000 problems and 500 000 measures
 * into a fresh embedded database (.data/pg-bench), then times the list use case for typical
 * filtered, paged queries against the raw SQL they need, in one run, and prints p50/p95 and the ratio.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedDb } from "../../lib/embedded-db";
import type { Actor } from "../../lib/permissions";
import { runPrisma } from "../db/prisma-cli";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

const db0 = await startEmbeddedDb({ name: "pg-bench", port: 54335, database: "rectify_bench", fresh: true });
process.env.DATABASE_URL = db0.url;
runPrisma(["migrate", "deploy"], db0.url, { capture: true });
const client = new pg.Client({ connectionString: db0.url });
await client.connect();

console.log(`Loading ${PROBLEMS} problems and ${PROBLEMS * 5} measures…`);
let t = performance.now();
await client.query(`
  INSERT INTO "District" (id, code, name, "nameEn", "sortOrder")
  SELECT gen_random_uuid(), c, 'D' || c, 'D' || c, n FROM unnest(ARRAY['320205','320206','320211','320213','320214','320281','320282','320299']) WITH ORDINALITY AS t(c, n);
  INSERT INTO "Unit" (id, code, name, "nameEn", kind, "districtId", "sortOrder")
  SELECT gen_random_uuid(), 'U' || i, '单位' || i, 'Unit ' || i, CASE WHEN i <= 10 THEN 'DIVISION' ELSE 'AGENCY' END::"UnitKind",
         CASE WHEN i > 10 THEN (SELECT id FROM "District" ORDER BY code OFFSET (i - 11) % 8 LIMIT 1) END, i
  FROM generate_series(1, 18) i;
  INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "updatedAt")
  SELECT gen_random_uuid(), 'leader' || i, 'x', '领导' || i, 'LEADER', now() FROM generate_series(1, 5) i;
`);
await client.query(
  `
  WITH d AS (SELECT array_agg(id ORDER BY code) a FROM "District"),
       u AS (SELECT array_agg(id ORDER BY code) a FROM "Unit"),
       l AS (SELECT array_agg(id ORDER BY username) a FROM "User")
  INSERT INTO "Problem" (id, code, title, description, source, category, "districtId", "leadOfficialId", "leadUnitId",
    "deadlineBand", deadline, status, progress, "createdAt", "updatedAt", "locationText", "responsiblePerson")
  SELECT gen_random_uuid(), 'B-' || lpad(i::text, 7, '0'), '问题' || i || (ARRAY['污水直排','扬尘污染','危废贮存','噪声扰民','蓝藻防控'])[1 + i % 5],
    '原始交办描述 ' || md5(i::text),
    (enum_range(NULL::"ProblemSource"))[1 + i % 8], (enum_range(NULL::"ProblemCategory"))[1 + (i / 8) % 8],
    d.a[1 + i % 8], l.a[1 + i % 5], u.a[1 + i % 18],
    (enum_range(NULL::"DeadlineBand"))[1 + i % 4], current_date + ((i % 1500) - 300),
    (enum_range(NULL::"ProblemStatus"))[1 + i % 7], i % 101, now() - (i % 1000) * interval '1 day', now(), '地点' || i, '责任人' || (i % 300)
  FROM generate_series(1, $1::int) i, d, u, l`,
  [PROBLEMS],
);
await client.query(`
  INSERT INTO "Measure" (id, "problemId", seq, description, status, percent, "updatedAt")
  SELECT gen_random_uuid(), p.id, s, '措施' || s, 'IN_PROGRESS', p.progress, now() FROM "Problem" p, generate_series(1, 5) s;
  ANALYZE;
`);
console.log(`Loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const { listProblems } = await import("../../lib/server/problems/list-problems");
const leaderRow = (await client.query(`SELECT id FROM "User" ORDER BY username LIMIT 1`)).rows[0];
const districtRow = (await client.query(`SELECT id, code FROM "District" WHERE code = '320281'`)).rows[0];
const leader: Actor = {
  id: leaderRow.id,
  username: "leader1",
  displayName: "领导1",
  role: "LEADER",
  unitId: null,
  districtId: null,
  locale: "zh-CN",
  sessionId: "bench",
};

const SELECT = `SELECT p.*, d.code AS "dCode", d.name AS "dName", u."displayName", lu.name AS "luName",
  (SELECT array_agg("unitId") FROM "ProblemCoUnit" c WHERE c."problemId" = p.id) AS co
  FROM "Problem" p JOIN "District" d ON d.id = p."districtId" LEFT JOIN "User" u ON u.id = p."leadOfficialId"
  JOIN "Unit" lu ON lu.id = p."leadUnitId"`;

type Case = { name: string; query: Record<string, string>; sql: string; count: string; params: unknown[] };
const cases: Case[] = [
  {
    name: "first page, default sort (deadline), 50 rows",
    query: { pageSize: "50" },
    sql: `${SELECT} ORDER BY p.deadline ASC NULLS LAST, p.code LIMIT 50`,
    count: `SELECT count(*) FROM "Problem"`,
    params: [],
  },
  {
    name: "district + status filter, page 3",
    query: { districtCode: "320281", status: "RECTIFYING", pageSize: "50", page: "3" },
    sql: `${SELECT} WHERE p."districtId" = $1 AND p.status = 'RECTIFYING' ORDER BY p.deadline ASC NULLS LAST, p.code LIMIT 50 OFFSET 100`,
    count: `SELECT count(*) FROM "Problem" p WHERE p."districtId" = $1 AND p.status = 'RECTIFYING'`,
    params: [districtRow.id],
  },
  {
    name: "overdue, sorted by progress",
    query: { overdue: "true", sort: "progress", pageSize: "50" },
    sql: `${SELECT} WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING') ORDER BY p.progress, p.code LIMIT 50`,
    count: `SELECT count(*) FROM "Problem" p WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')`,
    params: [],
  },
  {
    name: "text search (Chinese) ",
    query: { q: "扬尘", pageSize: "50" },
    sql: `${SELECT} WHERE p.title LIKE '%扬尘%' OR p.description LIKE '%扬尘%' OR p.code LIKE '%扬尘%' OR p."locationText" LIKE '%扬尘%' OR p."responsiblePerson" LIKE '%扬尘%' ORDER BY p.deadline ASC NULLS LAST, p.code LIMIT 50`,
    count: `SELECT count(*) FROM "Problem" p WHERE p.title LIKE '%扬尘%' OR p.description LIKE '%扬尘%' OR p.code LIKE '%扬尘%' OR p."locationText" LIKE '%扬尘%' OR p."responsiblePerson" LIKE '%扬尘%'`,
    params: [],
  },
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

console.log(
  `\n${"case".padEnd(44)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"sql p50".padStart(8)} ${"sql p95".padStart(8)}  ratio(p95)`,
);
for (const c of cases) {
  const app: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < ROUNDS + 3; i++) {
    t = performance.now();
    await listProblems(leader, c.query);
    const a = performance.now() - t;
    t = performance.now();
    await Promise.all([client.query(c.sql, c.params), client.query(c.count, c.params)]);
    const r = performance.now() - t;
    if (i >= 3) {
      app.push(a);
      raw.push(r);
    }
  }
  const f = (n: number) => `${n.toFixed(1)}ms`.padStart(8);
  console.log(
    `${c.name.padEnd(44)} ${f(pct(app, 50))} ${f(pct(app, 95))} ${f(pct(raw, 50))} ${f(pct(raw, 95))}  ${(pct(app, 95) / pct(raw, 95)).toFixed(2)}×`,
  );
}

await client.end();
const { getDb } = await import("../../lib/db");
await getDb().$disconnect();
await db0.stop();
