/**
 * `npm run bench:dashboard`: the leaders' dashboard at scale — 100 000 problems and ten years of
 * monthly data for the province, 13 cities and 8 districts on every indicator — timing the
 * summary and ranking use cases against the raw SQL they need, in one run, as a ratio.
 */
import { closeBenchDb, compare, header, loadLedger, openBenchDb } from "./bench-db";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const YEARS = 10;

const bench = await openBenchDb("pg-bench-dash", Number(process.env.BENCH_PG_PORT ?? 54337));
const leader = await loadLedger(bench, PROBLEMS);
const { client } = bench;

const started = performance.now();
await client.query(`
  INSERT INTO "StatUnit" (code, name, level, "parentCode")
  SELECT '320000', '江苏省', 'PROVINCE'::"StatUnitLevel", NULL
  UNION ALL SELECT lpad((320000 + i * 100)::text, 6, '0'), 'City ' || i, 'CITY'::"StatUnitLevel", '320000' FROM generate_series(1, 13) i
  UNION ALL SELECT code, name, 'DISTRICT'::"StatUnitLevel", '320200' FROM "District";
  INSERT INTO "IndicatorValue" ("unitCode", indicator, year, month, cumulative, "valueText", value, "updatedAt")
  SELECT s.code, ind, y, m, c, v::text, v, now()
  FROM "StatUnit" s, unnest(enum_range(NULL::"IndicatorCode")) ind,
       generate_series(extract(year FROM now())::int - ${YEARS}, extract(year FROM now())::int - 1) y,
       generate_series(1, 12) m, (VALUES (true), (false)) AS cum(c),
       LATERAL (SELECT round((20 + (abs(hashtext(s.code || ind || y || m || c)) % 600) / 10.0)::numeric, 1) AS v) val;
  ANALYZE;
`);
const rows = (await client.query(`SELECT count(*)::int AS n FROM "IndicatorValue"`)).rows[0].n;
console.log(`Loaded ${rows} indicator values (${YEARS} years) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const { getDashboardSummary } = await import("../../lib/server/dashboard/get-dashboard-summary");
const { rankScope } = await import("../../lib/server/indicators/get-rankings");
const year = new Date().getFullYear() - 1;

const SUMMARY_SQL = `
  SELECT GROUPING(p."districtId"), GROUPING(p."leadUnitId"), COALESCE(p."districtId", p."leadUnitId", p."leadOfficialId")::text,
         p.status, count(*), count(*) FILTER (WHERE p.status = 'CLOSED'),
         count(*) FILTER (WHERE p.status = 'CLOSED' AND (p.deadline IS NULL OR p."closedAt"::date <= p.deadline)),
         count(*) FILTER (WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')),
         sum(current_date - p.deadline) FILTER (WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')),
         count(*) FILTER (WHERE p.colour = 'RED'), count(*) FILTER (WHERE p.colour = 'YELLOW'),
         count(*) FILTER (WHERE p.colour = 'GREEN'), count(*) FILTER (WHERE p.colour = 'BLUE'), sum(p."extensionCount")
  FROM "Problem" p GROUP BY GROUPING SETS ((p."districtId"), (p."leadUnitId"), (p."leadOfficialId"), (), (p.status))`;

header();
await compare(
  "dashboard summary (100k problems)",
  ROUNDS,
  () => getDashboardSummary(leader),
  () => client.query(SUMMARY_SQL),
);
await compare(
  "rank 13 cities, PM2.5 YTD",
  ROUNDS,
  () => rankScope("PROVINCE_CITIES", "PM25", year, 6, true),
  () =>
    client.query(
      `SELECT s.code, s.name, v."valueText" FROM "StatUnit" s LEFT JOIN "IndicatorValue" v ON v."unitCode" = s.code
         AND v.indicator = 'PM25' AND v.year = $1 AND v.month = 6 AND v.cumulative
       WHERE s.level = 'CITY' AND s."parentCode" = '320000' OR s.code = '320000' ORDER BY v.value, s.code`,
      [year],
    ),
);
await compare(
  "rank districts (with penalty check), good air",
  ROUNDS,
  () => rankScope("CITY_DISTRICTS", "GOOD_AIR_RATIO", year, 6, true),
  () =>
    client.query(
      `SELECT s.code, s.name, v."valueText" FROM "StatUnit" s LEFT JOIN "IndicatorValue" v ON v."unitCode" = s.code
         AND v.indicator = 'GOOD_AIR_RATIO' AND v.year = $1 AND v.month = 6 AND v.cumulative
       WHERE s.level = 'DISTRICT' AND s."parentCode" = '320200' ORDER BY v.value DESC, s.code`,
      [year],
    ),
);
await closeBenchDb(bench);
