/**
 * Shared by the benchmark scripts: a fresh embedded database loaded with a synthetic ledger at
 * scale (set-based SQL, so loading 100 000 problems takes seconds), and timing helpers.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { type EmbeddedDb, startEmbeddedDb } from "../../lib/embedded-db";
import type { Actor } from "../../lib/permissions";
import { runPrisma } from "../db/prisma-cli";

export type BenchDb = { db: EmbeddedDb; client: pg.Client; leader: Actor };

export async function openBenchDb(name: string, port: number): Promise<BenchDb> {
  const db = await startEmbeddedDb({ name, port, database: "rectify_bench", fresh: true });
  process.env.DATABASE_URL = db.url;
  runPrisma(["migrate", "deploy"], db.url, { capture: true });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return { db, client, leader: null as unknown as Actor };
}

/** Districts, units, five leaders, `problems` problems with five measures each. */
export async function loadLedger(bench: BenchDb, problems: number): Promise<Actor> {
  const { client } = bench;
  const t = performance.now();
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
      "deadlineBand", deadline, status, progress, colour, "extensionCount", "closedAt", "createdAt", "updatedAt", "locationText", "responsiblePerson")
    SELECT gen_random_uuid(), 'B-' || lpad(i::text, 7, '0'), '问题' || i || (ARRAY['污水直排','扬尘污染','危废贮存','噪声扰民','蓝藻防控'])[1 + i % 5],
      '原始交办描述 ' || md5(i::text),
      (enum_range(NULL::"ProblemSource"))[1 + i % 8], (enum_range(NULL::"ProblemCategory"))[1 + (i / 8) % 8],
      d.a[1 + i % 8], l.a[1 + i % 5], u.a[1 + i % 18],
      (enum_range(NULL::"DeadlineBand"))[1 + i % 4], current_date + ((i % 1500) - 300),
      (enum_range(NULL::"ProblemStatus"))[1 + i % 7], i % 101, (enum_range(NULL::"Colour"))[1 + i % 4], i % 3,
      CASE WHEN (enum_range(NULL::"ProblemStatus"))[1 + i % 7] = 'CLOSED' THEN now() - (i % 400) * interval '1 day' END,
      now() - (i % 1000) * interval '1 day', now(), '地点' || i, '责任人' || (i % 300)
    FROM generate_series(1, $1::int) i, d, u, l`,
    [problems],
  );
  await client.query(`
    INSERT INTO "Measure" (id, "problemId", seq, description, status, percent, "updatedAt")
    SELECT gen_random_uuid(), p.id, s, '措施' || s, 'IN_PROGRESS', p.progress, now() FROM "Problem" p, generate_series(1, 5) s;
    ANALYZE;
  `);
  console.log(`Loaded ${problems} problems and ${problems * 5} measures in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const leaderRow = (await client.query(`SELECT id FROM "User" ORDER BY username LIMIT 1`)).rows[0];
  return {
    id: leaderRow.id,
    username: "leader1",
    displayName: "领导1",
    role: "LEADER",
    unitId: null,
    districtId: null,
    locale: "zh-CN",
    sessionId: "bench",
  };
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** Times `app` and `raw` alternately (after warm-up) and prints p50/p95 of both and the p95 ratio. */
export async function compare(
  name: string,
  rounds: number,
  app: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  /** Run (untimed) before each round, e.g. a write that makes the app's cache miss. */
  before?: () => Promise<unknown>,
): Promise<void> {
  const a: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < rounds + 3; i++) {
    if (before) await before();
    let t = performance.now();
    await app();
    const x = performance.now() - t;
    t = performance.now();
    await raw();
    const y = performance.now() - t;
    if (i >= 3) {
      a.push(x);
      r.push(y);
    }
  }
  const f = (n: number) => `${n.toFixed(1)}ms`.padStart(8);
  console.log(
    `${name.padEnd(44)} ${f(percentile(a, 50))} ${f(percentile(a, 95))} ${f(percentile(r, 50))} ${f(percentile(r, 95))}  ${(percentile(a, 95) / percentile(r, 95)).toFixed(2)}×`,
  );
}

export function header(): void {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} (${cpus().length} cores)`,
  );
  console.log(
    `\n${"case".padEnd(44)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"sql p50".padStart(8)} ${"sql p95".padStart(8)}  ratio(p95)`,
  );
}

export async function closeBenchDb(bench: BenchDb): Promise<void> {
  await bench.client.end();
  const { getDb } = await import("../../lib/db");
  await getDb().$disconnect();
  await bench.db.stop();
}
