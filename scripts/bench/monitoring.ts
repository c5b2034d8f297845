/**
 * Off-site enforcement at scale: one month of hourly readings for 2 000 outlets × 3 pollutants
 * (≈ 4.3 M rows) written to a temporary CSV with planted exceedances, flat lines and gaps, then
 * imported through the same code path as POST /api/v1/monitoring/import (streamed CSV,
 * multi-row INSERT … ON CONFLICT DO NOTHING, detection, clues). Prints import rows/s and peak RSS,
 * then detection in the application (readings streamed out, rules in TypeScript) against the raw
 * SQL window query (gaps and islands, one statement) — as a ratio, in one run.
 *
 *   npm run bench:monitoring        (OUTLETS=2000 HOURS=720 by default; BENCH_PG_PORT=54339)
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { HOUR_MS } from "../../lib/domain/clue-detection";
import { creditCodeCheckChar } from "../../lib/domain/credit-code";
import type { Actor } from "../../lib/permissions";
import { DETECTION_SQL, detectInApp, detectInSql } from "../../lib/server/clues/detect-clues";
import { closeBulkPool } from "../../lib/server/monitoring/bulk-pg";
import { importMonitoring } from "../../lib/server/monitoring/import-monitoring";
import { rowsOfStream } from "../../lib/server/monitoring/read-monitoring-upload";
import { closeBenchDb, openBenchDb } from "./bench-db";

const OUTLETS = Number(process.env.OUTLETS ?? 2_000);
const HOURS = Number(process.env.HOURS ?? 720);
const POLLUTANTS = [
  { name: "COD", unit: "mg/L", limit: 50, base: 28 },
  { name: "NH3-N", unit: "mg/L", limit: 5, base: 2.1 },
  { name: "TP", unit: "mg/L", limit: 0.5, base: 0.22 },
];
const THRESHOLDS = { exceedanceHours: 4, flatlineHours: 24, gapHours: 24 };

const bench = await openBenchDb("pg-bench-monitoring", Number(process.env.BENCH_PG_PORT ?? 54339));
const { client } = bench;
const dir = mkdtempSync(path.join(tmpdir(), "bench-monitoring-"));
const file = path.join(dir, "monitoring.csv");

try {
  // ── the register: one district, a coordinator, OUTLETS enterprises ──
  const codes = Array.from({ length: OUTLETS }, (_, i) => {
    const first17 = `91320205MB${String(i).padStart(7, "0")}`;
    return first17 + creditCodeCheckChar(first17);
  });
  await client.query(
    `INSERT INTO "District" (id, code, name, "nameEn", "sortOrder") VALUES (gen_random_uuid(), '320205', '锡山区', 'Xishan', 0)`,
  );
  const user = (
    await client.query<{ id: string }>(
      `INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "updatedAt") VALUES (gen_random_uuid(), 'coordinator', 'x', '统筹', 'COORDINATOR', now()) RETURNING id`,
    )
  ).rows[0] as { id: string };
  await client.query(
    `INSERT INTO "Enterprise" (id, "creditCode", name, "districtId", "updatedAt")
     SELECT gen_random_uuid(), c, '企业' || n, (SELECT id FROM "District" LIMIT 1), now() FROM unnest($1::text[]) WITH ORDINALITY AS t(c, n)`,
    [codes],
  );
  const actor: Actor = {
    id: user.id,
    username: "coordinator",
    displayName: "统筹",
    role: "COORDINATOR",
    unitId: null,
    districtId: null,
    locale: "zh-CN",
    sessionId: "bench",
  };

  // ── the CSV: hourly readings with planted anomalies (every 20th series an exceedance, every 50th a flat line, every 70th a gap) ──
  const t0 = Date.UTC(2026, 9, 31, 16); // 2026-11-01 00:00 Beijing
  const beijing = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16).replace("T", " ");
  let planted = 0;
  let rows = 0;
  const tGen = performance.now();
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("credit_code,outlet_code,pollutant,time,value,limit,unit\n");
  for (let o = 0; o < OUTLETS; o++) {
    for (const [p, def] of POLLUTANTS.entries()) {
      const s = o * POLLUTANTS.length + p;
      const exc = s % 20 === 0 ? 100 + (s % 500) : -1;
      const flat = s % 50 === 7 ? 300 + (s % 300) : -1;
      const gap = s % 70 === 11 ? 200 + (s % 400) : -1;
      planted += (exc >= 0 ? 1 : 0) + (flat >= 0 ? 1 : 0) + (gap >= 0 ? 1 : 0);
      let chunk = "";
      for (let h = 0; h < HOURS; h++) {
        if (gap >= 0 && h >= gap && h < gap + 30) continue;
        let v = def.base * (1 + 0.25 * Math.sin((h + s) * 0.7)) + ((h * 7 + s * 13) % 10) * def.base * 0.005;
        if (exc >= 0 && h >= exc && h < exc + 6) v = def.limit * 1.3;
        if (flat >= 0 && h >= flat && h < flat + 30) v = def.base;
        chunk += `${codes[o]},DW${String(o).padStart(4, "0")},${def.name},${beijing(t0 + h * HOUR_MS)},${v.toFixed(3)},${def.limit},${def.unit}\n`;
        rows++;
      }
      await write(chunk);
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  const mb = statSync(file).size / 1024 / 1024;
  console.log(
    `Generated ${rows.toLocaleString()} rows (${mb.toFixed(0)} MB CSV, ${planted} planted anomalies) in ${((performance.now() - tGen) / 1000).toFixed(1)} s`,
  );

  // ── import through the route's code path, sampling memory ──
  let peak = process.memoryUsage().rss;
  const before = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const tImport = performance.now();
  const result = await importMonitoring(actor, {
    fileName: "bench.csv",
    rows: rowsOfStream(createReadStream(file, { highWaterMark: 256 * 1024 })),
  });
  const importS = (performance.now() - tImport) / 1000;
  clearInterval(sampler);
  await client.query("ANALYZE");

  // ── detection: application vs raw SQL, same series, same thresholds ──
  const ids = (await client.query<{ id: number }>(`SELECT id FROM "MonitoringSeries" ORDER BY id`)).rows.map((r) => r.id);
  const until = t0 + (HOURS - 1) * HOUR_MS;
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const t = performance.now();
    const r = await work();
    return [(performance.now() - t) / 1000, r];
  };
  const count = (m: Map<number, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
  const [appS, app] = await time(() => detectInApp(ids, { thresholds: THRESHOLDS, until }));
  const [sqlChunkedS, sqlChunked] = await time(() => detectInSql(ids, { thresholds: THRESHOLDS, until }));
  const [rawS, raw] = await time(() =>
    client.query(DETECTION_SQL, [
      ids,
      THRESHOLDS.exceedanceHours,
      THRESHOLDS.flatlineHours,
      THRESHOLDS.gapHours,
      new Date(until),
    ]),
  );
  const table: [string, string][] = [
    ["readings", rows.toLocaleString()],
    ["import total (parse, insert, detect, clues)", `${importS.toFixed(1)} s`],
    ["import rows/s", Math.round(rows / importS).toLocaleString()],
    ["peak RSS during import", `${(peak / 1024 / 1024).toFixed(0)} MB (${(before / 1024 / 1024).toFixed(0)} MB before)`],
    ["imported / duplicates / rejected", `${result.imported} / ${result.duplicates} / ${result.rejected}`],
    ["clues raised (planted)", `${result.clues} (${planted})`],
    ["detection in the app (TypeScript rules)", `${appS.toFixed(2)} s → ${count(app)} episodes`],
    ["detection in SQL, the app's chunked path", `${sqlChunkedS.toFixed(2)} s → ${count(sqlChunked)} episodes`],
    ["raw SQL window query, one statement", `${rawS.toFixed(2)} s → ${raw.rowCount} episodes`],
    ["app (TypeScript) / raw SQL", `${(appS / rawS).toFixed(2)} ×`],
    ["app (chunked SQL) / raw SQL", `${(sqlChunkedS / rawS).toFixed(2)} ×`],
  ];
  console.log();
  for (const [k, v] of table) console.log(`${k.padEnd(44)} ${v}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await closeBulkPool();
  await closeBenchDb(bench);
}
