/**
 * `npm run bench:ledger`: the ledger list at scale. Loads 100 000 problems and 500 000 measures
 * into a fresh embedded database (.data/pg-bench), then times the list use case for typical
 * filtered, paged queries against the raw SQL they need, in one run, and prints p50/p95 and the ratio.
 */
import { closeBenchDb, compare, header, loadLedger, openBenchDb } from "./bench-db";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

const bench = await openBenchDb("pg-bench", Number(process.env.BENCH_PG_PORT ?? 54335));
const leader = await loadLedger(bench, PROBLEMS);
const { client } = bench;
const { listProblems } = await import("../../lib/server/problems/list-problems");
const districtRow = (await client.query(`SELECT id FROM "District" WHERE code = '320281'`)).rows[0];

const SELECT = `SELECT p.*, d.code AS "dCode", d.name AS "dName", u."displayName", lu.name AS "luName",
  (SELECT array_agg("unitId") FROM "ProblemCoUnit" c WHERE c."problemId" = p.id) AS co
  FROM "Problem" p JOIN "District" d ON d.id = p."districtId" LEFT JOIN "User" u ON u.id = p."leadOfficialId"
  JOIN "Unit" lu ON lu.id = p."leadUnitId"`;
const SEARCH = `p.title LIKE '%扬尘%' OR p.description LIKE '%扬尘%' OR p.code LIKE '%扬尘%' OR p."locationText" LIKE '%扬尘%' OR p."responsiblePerson" LIKE '%扬尘%'`;

type Case = { name: string; query: Record<string, string>; sql: string; count: string; params: unknown[] };
const cases: Case[] = [
  {
    name: "first page, default order (urgency), 50 rows",
    query: { pageSize: "50" },
    sql: `${SELECT} ORDER BY p."closedAt" DESC NULLS FIRST, p.deadline ASC NULLS LAST, p.code LIMIT 50`,
    count: `SELECT count(*) FROM "Problem"`,
    params: [],
  },
  {
    name: "district + status filter, page 3",
    query: { districtCode: "320281", status: "RECTIFYING", pageSize: "50", page: "3" },
    sql: `${SELECT} WHERE p."districtId" = $1 AND p.status = 'RECTIFYING' ORDER BY p."closedAt" DESC NULLS FIRST, p.deadline ASC NULLS LAST, p.code LIMIT 50 OFFSET 100`,
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
    name: "text search (Chinese)",
    query: { q: "扬尘", pageSize: "50" },
    sql: `${SELECT} WHERE ${SEARCH} ORDER BY p."closedAt" DESC NULLS FIRST, p.deadline ASC NULLS LAST, p.code LIMIT 50`,
    count: `SELECT count(*) FROM "Problem" p WHERE ${SEARCH}`,
    params: [],
  },
];

header();
for (const c of cases) {
  await compare(
    c.name,
    ROUNDS,
    () => listProblems(leader, c.query),
    () => Promise.all([client.query(c.sql, c.params), client.query(c.count, c.params)]),
  );
}
await closeBenchDb(bench);
