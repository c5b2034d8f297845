/**
 * `npm run bench:http [-- --seconds 60]`: the production server under load. Needs a production
 * build (`npm run build` once; the script refuses to run without `.next/BUILD_ID`). Loads
 * 100 000 problems (BENCH_PROBLEMS) into a fresh embedded database (.data/pg-bench-http, port
 * BENCH_PG_PORT, default 54902), starts the server entry `npm start` runs (scripts/serve.ts, Next in
 * production mode) on BENCH_PORT (default 3402), signs 50 readers (BENCH_READERS) in through the
 * login form's own endpoints (next-auth credentials, argon2id hashes) and 5 writers (BENCH_WRITERS)
 * through `POST /api/v1/session`, then for the given seconds:
 *
 * - readers loop over the ledger page, a problem page, the dashboard, My work and the API
 *   equivalents (Node's fetch, keep-alive, one request at a time each);
 * - writers (coordinators) file progress reports and assign registered problems (a transition);
 * - one more loop times the raw SQL the read routes need, on the same database in the same run,
 *   so each read route is printed beside the least its answer costs.
 *
 * Prints p50/p95/p99 per route, throughput, errors (by status) and the server's peak RSS (from
 * /proc/<pid>/status). A benchmark: it asserts nothing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword } from "../../lib/auth/password";
import { closeBenchDb, loadLedger, openBenchDb, percentile } from "./bench-db";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

const SECONDS = flag("seconds", 60);
const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const READERS = Number(process.env.BENCH_READERS ?? 50);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 5);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54902);
const PORT = Number(process.env.BENCH_PORT ?? 3402);
const BASE = `http://localhost:${PORT}`;
const PASSWORD = "Bench@2026-load";

if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
// Node's fetch keeps connections alive and opens as many as requests wait: one per reader and writer.

const bench = await openBenchDb("pg-bench-http", PG_PORT);
await loadLedger(bench, PROBLEMS);
const { client } = bench;

// Real argon2id hashes: the readers are the five leaders, the writers coordinators.
const passwordHash = await hashPassword(PASSWORD);
await client.query(`UPDATE "User" SET "passwordHash" = $1`, [passwordHash]);
await client.query(
  `INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "updatedAt")
   SELECT gen_random_uuid(), 'coordinator' || i, $1, '督办员' || i, 'COORDINATOR', now() FROM generate_series(1, $2::int) i`,
  [passwordHash, WRITERS],
);

let server: ChildProcess | null = null;
let peakRss = 0;
let rssTimer: NodeJS.Timeout | null = null;

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function startServer(): Promise<void> {
  // Node itself with tsx as a loader, so the pid is the server's (its RSS is what is sampled).
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: bench.db.url,
      PORT: String(PORT),
      AUTH_SECRET: "bench-http-secret-bench-http-secret",
      NEXTAUTH_URL: BASE,
      JOBS_DISABLED: "1",
      ACCESS_LOG: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not start");
}

/** A next-auth session cookie through the same endpoints the login form posts to. */
async function signInWithCookie(username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k.trim(), v.join("="));
    }
  };
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: BASE,
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ username, password: PASSWORD, csrfToken, callbackUrl: `${BASE}/work`, json: "true" }),
  });
  await res.text();
  keep(res);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return `${session}=${jar.get(session)}`;
}

async function signInWithToken(username: string): Promise<string> {
  const res = await fetch(`${BASE}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`API sign-in as ${username} failed (${res.status}: ${await res.text()})`);
  return ((await res.json()) as { token: string }).token;
}

// ── what is read and written ──
const district = (await client.query(`SELECT id, code FROM "District" WHERE code = '320281'`)).rows[0] as {
  id: string;
  code: string;
};
const leader = (await client.query(`SELECT id FROM "User" WHERE username = 'leader1'`)).rows[0] as { id: string };
const someProblems = (await client.query(`SELECT id FROM "Problem" ORDER BY md5(id::text) LIMIT 2000`)).rows.map(
  (r: { id: string }) => r.id,
);
const rectifying = (
  await client.query(`SELECT id FROM "Problem" WHERE status = 'RECTIFYING' ORDER BY md5(id::text) LIMIT 5000`)
).rows.map((r: { id: string }) => r.id);
const registered = (
  await client.query(`SELECT id FROM "Problem" WHERE status = 'REGISTERED' ORDER BY md5(id::text) LIMIT 20000`)
).rows.map((r: { id: string }) => r.id);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

type ReadRoute = { name: string; path: () => string; sql: string };
const LEDGER_SELECT = `SELECT p.*, d.code AS "dCode", d.name AS "dName", u."displayName", lu.name AS "luName",
  (SELECT array_agg("unitId") FROM "ProblemCoUnit" c WHERE c."problemId" = p.id) AS co
  FROM "Problem" p JOIN "District" d ON d.id = p."districtId" LEFT JOIN "User" u ON u.id = p."leadOfficialId"
  JOIN "Unit" lu ON lu.id = p."leadUnitId"`;
const LEDGER_SQL = `${LEDGER_SELECT} WHERE p."districtId" = $1 AND p.status = 'RECTIFYING'
  ORDER BY p."closedAt" DESC NULLS FIRST, p.deadline ASC NULLS LAST, p.code LIMIT 50 OFFSET 100;
  SELECT count(*) FROM "Problem" p WHERE p."districtId" = $1 AND p.status = 'RECTIFYING'`;
const PROBLEM_SQL = `${LEDGER_SELECT} WHERE p.id = $1;
  SELECT * FROM "Measure" WHERE "problemId" = $1 ORDER BY seq;
  SELECT * FROM "ProblemTransition" WHERE "problemId" = $1 ORDER BY at DESC LIMIT 50;
  SELECT * FROM "ProgressReport" WHERE "problemId" = $1 ORDER BY "createdAt" DESC LIMIT 20`;
const SUMMARY_SQL = `
  SELECT GROUPING(p."districtId"), GROUPING(p."leadUnitId"), COALESCE(p."districtId", p."leadUnitId", p."leadOfficialId")::text,
         p.status, count(*), count(*) FILTER (WHERE p.status = 'CLOSED'),
         count(*) FILTER (WHERE p.status = 'CLOSED' AND (p.deadline IS NULL OR p."closedAt"::date <= p.deadline)),
         count(*) FILTER (WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')),
         sum(current_date - p.deadline) FILTER (WHERE p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING')),
         count(*) FILTER (WHERE p.colour = 'RED'), count(*) FILTER (WHERE p.colour = 'YELLOW'),
         count(*) FILTER (WHERE p.colour = 'GREEN'), count(*) FILTER (WHERE p.colour = 'BLUE'), sum(p."extensionCount")
  FROM "Problem" p GROUP BY GROUPING SETS ((p."districtId"), (p."leadUnitId"), (p."leadOfficialId"), (), (p.status))`;
// A leader's My work: the problems they lead that wait for them or are late, and how many.
const WORK_SQL = `SELECT p.id, p.code, p.title, p.status, p.deadline, p.colour FROM "Problem" p
  WHERE p."leadOfficialId" = $1 AND p.status IN ('PENDING_SIGNOFF', 'ASSIGNED') ORDER BY p.deadline NULLS LAST, p.code LIMIT 20;
  SELECT p.id, p.code, p.title, p.status, p.deadline FROM "Problem" p
  WHERE p."leadOfficialId" = $1 AND p.deadline < current_date AND p.status NOT IN ('CLOSED','ONGOING') ORDER BY p.deadline LIMIT 20;
  SELECT count(*) FILTER (WHERE status IN ('PENDING_SIGNOFF', 'ASSIGNED')),
         count(*) FILTER (WHERE deadline < current_date AND status NOT IN ('CLOSED','ONGOING'))
  FROM "Problem" WHERE "leadOfficialId" = $1`;

const ledgerQuery = `districtCode=${district.code}&status=RECTIFYING&pageSize=50&page=3`;
const READS: ReadRoute[] = [
  { name: "page /problems?district+status (50 rows)", path: () => `/problems?${ledgerQuery}`, sql: LEDGER_SQL },
  { name: "page /problems/[id]", path: () => `/problems/${pick(someProblems)}`, sql: PROBLEM_SQL },
  { name: "page /dashboard", path: () => "/dashboard", sql: SUMMARY_SQL },
  { name: "page /work", path: () => "/work", sql: WORK_SQL },
  { name: "GET /api/v1/problems?district+status", path: () => `/api/v1/problems?${ledgerQuery}`, sql: LEDGER_SQL },
  { name: "GET /api/v1/problems/[id]", path: () => `/api/v1/problems/${pick(someProblems)}`, sql: PROBLEM_SQL },
  { name: "GET /api/v1/dashboard/summary", path: () => "/api/v1/dashboard/summary", sql: SUMMARY_SQL },
  { name: "GET /api/v1/work", path: () => "/api/v1/work", sql: WORK_SQL },
];
const WRITES = ["POST /api/v1/problems/[id]/reports", "POST /api/v1/problems/[id]/transitions (ASSIGN)"] as const;

const times = new Map<string, number[]>();
const errors = new Map<string, Map<string, number>>();
const sqlTimes = new Map<string, number[]>();
const record = (m: Map<string, number[]>, name: string, ms: number) => {
  const xs = m.get(name) ?? [];
  xs.push(ms);
  m.set(name, xs);
};
const recordError = (name: string, what: string) => {
  const e = errors.get(name) ?? new Map<string, number>();
  e.set(what, (e.get(what) ?? 0) + 1);
  errors.set(name, e);
};

async function timed(name: string, run: () => Promise<Response>, ok: (status: number) => boolean): Promise<Response | null> {
  const t = performance.now();
  try {
    const res = await run();
    const body = await res.arrayBuffer();
    record(times, name, performance.now() - t);
    if (!ok(res.status)) {
      recordError(name, String(res.status));
      if (errors.get(name)?.get(String(res.status)) === 1) {
        console.warn(`${name}: ${res.status} ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
      }
      return null;
    }
    return new Response(body, { status: res.status, headers: res.headers });
  } catch (e) {
    record(times, name, performance.now() - t);
    recordError(name, (e as Error).message);
    return null;
  }
}

let deadline = 0;

async function reader(cookie: string, offset: number): Promise<void> {
  for (let i = offset; performance.now() < deadline; i++) {
    const route = READS[i % READS.length] as ReadRoute;
    await timed(
      route.name,
      () => fetch(`${BASE}${route.path()}`, { headers: { cookie }, redirect: "manual" }),
      (s) => s === 200,
    );
  }
}

let nextRegistered = 0;
async function writer(token: string, n: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (let i = 0; performance.now() < deadline; i++) {
    if (i % 2 === 0) {
      const id = pick(rectifying);
      await timed(
        WRITES[0],
        () =>
          fetch(`${BASE}/api/v1/problems/${id}/reports`, {
            method: "POST",
            headers,
            body: JSON.stringify({ text: `压测进展 ${n}-${i}：现场整改推进中`, percent: (i * 7) % 100 }),
          }),
        (s) => s === 201,
      );
    } else {
      const id = registered[nextRegistered++ % registered.length] as string;
      await timed(
        WRITES[1],
        async () => {
          // The version is read first, as a person's page would have it.
          const current = await fetch(`${BASE}/api/v1/problems/${id}`, { headers });
          const version = ((await current.json()) as { version?: number }).version;
          return fetch(`${BASE}/api/v1/problems/${id}/transitions`, {
            method: "POST",
            headers,
            body: JSON.stringify({ action: "ASSIGN", version }),
          });
        },
        (s) => s === 200 || s === 201,
      );
    }
  }
}

/** The raw SQL of every read route, one after another on the same database while the load runs. */
async function sqlProbe(): Promise<void> {
  const params: Record<string, () => unknown[]> = {
    [LEDGER_SQL]: () => [district.id],
    [PROBLEM_SQL]: () => [pick(someProblems)],
    [SUMMARY_SQL]: () => [],
    [WORK_SQL]: () => [leader.id],
  };
  for (let i = 0; performance.now() < deadline; i++) {
    const route = READS[i % READS.length] as ReadRoute;
    // Multi-statement SQL runs as separate queries (the pg client refuses parameters in a multi-statement text).
    const statements = route.sql.split(";").filter((s) => s.trim());
    const args = (params[route.sql] as () => unknown[])();
    const t = performance.now();
    for (const s of statements) await client.query(s, s.includes("$1") ? args : []);
    record(sqlTimes, route.name, performance.now() - t);
  }
}

try {
  await startServer();
  const pid = (server as ChildProcess | null)?.pid ?? 0;
  peakRss = rssOf(pid);
  const idleRss = peakRss;
  rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(pid));
  }, 250);

  console.log(`Signing in ${READERS} readers and ${WRITERS} writers…`);
  const cookies: string[] = [];
  for (let i = 0; i < READERS; i++) cookies.push(await signInWithCookie(`leader${1 + (i % 5)}`));
  const tokens: string[] = [];
  for (let i = 0; i < WRITERS; i++) tokens.push(await signInWithToken(`coordinator${1 + i}`));

  // Warm-up: every route once, so the first compile of each page is not counted.
  deadline = performance.now() + 60_000;
  for (const r of READS) await fetch(`${BASE}${r.path()}`, { headers: { cookie: cookies[0] as string } }).then((x) => x.text());

  console.log(`Load: ${READERS} readers + ${WRITERS} writers for ${SECONDS} s against ${PROBLEMS} problems…`);
  const started = performance.now();
  deadline = started + SECONDS * 1000;
  await Promise.all([...cookies.map((c, i) => reader(c, i)), ...tokens.map((t, i) => writer(t, i)), sqlProbe()]);
  const elapsed = (performance.now() - started) / 1000;
  if (rssTimer) clearInterval(rssTimer);

  const f = (n: number) => `${n.toFixed(0)}`.padStart(7);
  console.log(
    `\n${"route".padEnd(50)} ${"n".padStart(6)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"errors".padStart(6)}   ${"sql p50".padStart(7)} ${"sql p95".padStart(7)}  p95 ratio`,
  );
  let total = 0;
  let failed = 0;
  for (const name of [...READS.map((r) => r.name), ...WRITES]) {
    const xs = times.get(name) ?? [];
    const errs = [...(errors.get(name)?.values() ?? [])].reduce((a, b) => a + b, 0);
    total += xs.length;
    failed += errs;
    const sql = sqlTimes.get(name);
    const sqlCols = sql
      ? `${f(percentile(sql, 50))} ${f(percentile(sql, 95))}  ${(percentile(xs, 95) / Math.max(percentile(sql, 95), 0.1)).toFixed(1)}×`
      : "";
    console.log(
      `${name.padEnd(50)} ${String(xs.length).padStart(6)} ${f(percentile(xs, 50))} ${f(percentile(xs, 95))} ${f(percentile(xs, 99))} ${String(errs).padStart(6)}   ${sqlCols}`,
    );
  }
  console.log(`\nThroughput: ${(total / elapsed).toFixed(1)} requests/s (${total} in ${elapsed.toFixed(1)} s), times in ms`);
  console.log(`Errors: ${failed}${failed ? "" : " (none)"}`);
  for (const [name, byStatus] of errors) {
    console.log(`  ${name}: ${[...byStatus].map(([s, n]) => `${s} × ${n}`).join(", ")}`);
  }
  console.log(
    `Server RSS: ${(idleRss / 1048576).toFixed(0)} MiB after start, peak ${(peakRss / 1048576).toFixed(0)} MiB under load`,
  );
} finally {
  if (rssTimer) clearInterval(rssTimer);
  const s = server as ChildProcess | null;
  if (s && s.exitCode === null) {
    s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (s.exitCode === null) s.kill("SIGKILL");
  }
  await closeBenchDb(bench);
}
