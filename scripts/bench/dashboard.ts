/**
 * `npm run bench:dashboard`: the leaders' dashboard at scale — 100 000 problems and ten years of
 * monthly data for the province, 13 cities and 8 districts on every indicator — timing the
 * summary and ranking use cases against the raw SQL they need, in one run, as a ratio. The summary
 * is timed twice: served from its cache (the ledger unchanged) and computed after a write.
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
// Progress reports on half the problems that owe them (the late-report counts read the latest per problem).
await client.query(`
  INSERT INTO "ProgressReport" (id, "problemId", "reporterId", text, percent, "createdAt")
  SELECT gen_random_uuid(), p.id, (SELECT id FROM "User" ORDER BY username LIMIT 1), '按计划推进整改', p.progress,
         now() - ((abs(hashtext(p.code)) % 90) * interval '1 day')
  FROM "Problem" p, generate_series(1, 2) k
  WHERE p.status IN ('RECTIFYING', 'ONGOING') AND abs(hashtext(p.code)) % 2 = 0;
  ANALYZE;
`);
const rows = (await client.query(`SELECT count(*)::int AS n FROM "IndicatorValue"`)).rows[0].n;
console.log(`Loaded ${rows} indicator values (${YEARS} years) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const { getDashboardSummary } = await import("../../lib/server/dashboard/get-dashboard-summary");
const { rankScope } = await import("../../lib/server/indicators/get-rankings");
const year = new Date().getFullYear() - 1;

const { getSettings } = await import("../../lib/server/settings/get-settings");
const { COVERED_COUNTY_CODES } = await import("../../lib/domain/divisions");
const { getPenaltyPanel } = await import("../../lib/server/penalties/get-penalty-panel");
const settings = await getSettings();

// The least SQL that returns the summary's numbers: one grouped pass over the ledger, the late-report
// rule included (the latest report per problem that owes one, by index); the names are left out.
const SUMMARY_SQL = `
  SELECT GROUPING(p."districtId"), GROUPING(p."leadUnitId"), COALESCE(p."districtId", p."leadUnitId", p."leadOfficialId")::text,
         p.status, count(*), count(*) FILTER (WHERE p.status = 'CLOSED'),
         count(*) FILTER (WHERE p.status = 'CLOSED' AND (p.deadline IS NULL OR (p."closedAt" AT TIME ZONE 'Asia/Shanghai')::date <= p.deadline)),
         count(*) FILTER (WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')),
         sum(current_date - p.deadline) FILTER (WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')),
         count(*) FILTER (WHERE p.colour = 'RED'), count(*) FILTER (WHERE p.colour = 'YELLOW'),
         count(*) FILTER (WHERE p.colour = 'GREEN'), count(*) FILTER (WHERE p.colour = 'BLUE'), sum(p."extensionCount"),
         count(*) FILTER (WHERE p.status IN ('RECTIFYING', 'ONGOING') AND current_date - (((greatest(
           (SELECT max(r."createdAt") FROM "ProgressReport" r WHERE r."problemId" = p.id), coalesce(p."assignedAt", p."createdAt"))
           AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date + ${settings.reportCycleDays}) > ${settings.lateReportGraceDays})
  FROM "Problem" p GROUP BY GROUPING SETS ((p."districtId"), (p."leadUnitId"), (p."leadOfficialId"), (), (p.status))`;

// The least SQL a ranking needs: the ranked units, the period's values of the ranked, the covered
// county-level units (whose printed or computed worst list names the districts), the listed and the
// province, the printed lists with their entries, and the worst-N setting — rows, no JSON.
const RANKING_SQL = (ranked: string, listScope: string) => `
  WITH units AS (SELECT code, name FROM "StatUnit" WHERE ${ranked}),
  lists AS (SELECT id, kind, size, source FROM "PublishedList" WHERE indicator = $1::"IndicatorCode" AND year = $2 AND month = 6
            AND cumulative AND scope = '${listScope}'),
  entries AS (SELECT "listId", position, "unitCode", "printedRank" FROM "PublishedListEntry" WHERE "listId" IN (SELECT id FROM lists))
  SELECT 'u', code, name, NULL::int FROM units
  UNION ALL SELECT 'v', "unitCode", "valueText", NULL FROM "IndicatorValue"
    WHERE indicator = $1::"IndicatorCode" AND year = $2 AND month = 6 AND cumulative
      AND "unitCode" IN (SELECT code FROM units UNION SELECT "unitCode" FROM entries UNION SELECT unnest($3::text[]) UNION SELECT '320000')
  UNION ALL SELECT 'l', l.id::text, e."unitCode", e."printedRank" FROM lists l LEFT JOIN entries e ON e."listId" = l.id
  UNION ALL SELECT 's', key, value::text, NULL FROM "Setting" WHERE key = 'rankingBottomN'`;

const { ledgerCacheStats } = await import("../../lib/server/dashboard/ledger-cache");
// A write that changes a summary figure (one problem's extension count), so the next read misses.
const oneProblem = (await client.query(`SELECT id FROM "Problem" ORDER BY code LIMIT 1`)).rows[0].id as string;
let flip = 0;
const writeOne = () => client.query(`UPDATE "Problem" SET "extensionCount" = $2 WHERE id = $1`, [oneProblem, flip++ % 2 ? 1 : 2]);

header();
// The summary twice: with the ledger unchanged since the last read (served from the cache, after
// reading the ledger version and the names), and with a write before every read (computed again).
await compare(
  "dashboard summary, ledger unchanged (hit)",
  ROUNDS,
  () => getDashboardSummary(leader),
  () => client.query(SUMMARY_SQL),
);
const afterHits = ledgerCacheStats();
await compare(
  "dashboard summary after a write (miss)",
  ROUNDS,
  () => getDashboardSummary(leader),
  () => client.query(SUMMARY_SQL),
  writeOne,
);
const afterMisses = ledgerCacheStats();
console.log(
  `  summary cache: ${afterHits.hits} hits, ${afterHits.misses} misses in the first case; ${afterMisses.hits - afterHits.hits} hits, ${afterMisses.misses - afterHits.misses} misses in the second`,
);
await compare(
  "rank 13 cities, PM2.5 YTD",
  ROUNDS,
  () => rankScope("PROVINCE_CITIES", "PM25", year, 6, true),
  () => client.query(RANKING_SQL(`level = 'CITY' AND "parentCode" = '320000'`, "PROVINCE_CITIES"), ["PM25", year, []]),
);
await compare(
  "rank districts (county naming), good air",
  ROUNDS,
  () => rankScope("CITY_DISTRICTS", "GOOD_AIR_RATIO", year, 6, true),
  () =>
    client.query(RANKING_SQL(`level = 'DISTRICT' AND "parentCode" = '320200'`, "PROVINCE_COUNTIES"), [
      "GOOD_AIR_RATIO",
      year,
      [...COVERED_COUNTY_CODES],
    ]),
);
// The penalty panel of a month whose inputs did not change (its fingerprint, no evaluation) against
// the proposals' query alone: the ratio is what keeping the evaluation fresh costs.
await getPenaltyPanel(leader, year, 6);
await compare(
  "penalty panel, inputs unchanged",
  ROUNDS,
  () => getPenaltyPanel(leader, year, 6),
  () =>
    client.query(
      `SELECT p.*, d.code, d.name FROM "PenaltyProposal" p JOIN "District" d ON d.id = p."districtId"
       WHERE p.year = $1 AND p.month = 6 AND p.status <> 'WITHDRAWN'`,
      [year],
    ),
);
await closeBenchDb(bench);
