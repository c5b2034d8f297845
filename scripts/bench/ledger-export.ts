/**
 * Ledger export and import at scale, on a fresh embedded database loaded with a synthetic ledger:
 * - export of 100 000 problems (5 measures each) to XLSX and CSV through the same code the route
 *   streams: time, file size, and the process's peak RSS over its RSS before (flat memory: the
 *   writer holds one page of 1 000 rows at a time);
 * - import of a 10 000-row office ledger (XLSX): the dry run (mapping + preview + every row
 *   checked) and the all-or-nothing commit.
 * Prints the figures; asserts nothing. RSS, JS heap and external buffers are printed at 25, 50,
 * 75 and 100 % of the rows: memory that grows with the rows would be buffering, flat memory is
 * one page at a time. `IMPORT_ROWS=0` skips the import. Under `NODE_OPTIONS=--expose-gc` each
 * mark also prints the heap still alive after a full collection (what the export really holds);
 * under `NODE_OPTIONS=--max-old-space-size=128` the export shows it completes in a small heap.
 *
 *   npm run bench:export            (ROWS=100000 IMPORT_ROWS=10000 BENCH_PG_PORT=54392 by default)
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import type { Actor } from "../../lib/permissions";
import { streamTable } from "../../lib/server/office/table-export";
import { exportProblems } from "../../lib/server/problems/export-problems";
import { importProblems } from "../../lib/server/problems/import-problems";
import { closeBenchDb, loadLedger, openBenchDb } from "./bench-db";

const ROWS = Number(process.env.ROWS ?? 100_000);
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? 10_000);
/** Rows per page read from the database (the route's default when unset). */
const PAGE = process.env.PAGE ? Number(process.env.PAGE) : undefined;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function measureExport(actor: Actor, format: "xlsx" | "csv"): Promise<void> {
  // A running server has its database client and query plans loaded already: read one page
  // first, so their memory is not counted as the export's.
  const warm = (await exportProblems(actor, { format }, { pageSize: PAGE })).spec.pages[Symbol.asyncIterator]();
  await warm.next();
  await warm.return?.(undefined);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const before = process.memoryUsage().rss;
  let peak = before;
  let heap = 0;
  let external = 0;
  const probe = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external);
  }, 20);
  const t = performance.now();
  const { spec } = await exportProblems(actor, { format }, { pageSize: PAGE });
  const marks = [0.25, 0.5, 0.75, 1].map((f) => Math.round(ROWS * f));
  let rows = 0;
  // The writer asks for the next page only once the last is written: memory here is what the
  // export holds after that many rows.
  async function* counted(pages: AsyncIterable<readonly unknown[]>) {
    for await (const page of pages) {
      yield page;
      const prev = rows;
      rows += page.length;
      for (const m of marks) {
        if (prev < m && rows >= m) {
          const u = process.memoryUsage();
          // With --expose-gc, also what is still alive after a full collection: the export's real hold.
          global.gc?.();
          const live = global.gc ? `, live heap after full GC ${mb(process.memoryUsage().heapUsed)}` : "";
          console.log(
            `  ${format} ${String(Math.round((m / ROWS) * 100)).padStart(3)} % (${rows} rows, ${((performance.now() - t) / 1000).toFixed(1)} s): RSS +${mb(u.rss - before)} (peak so far +${mb(peak - before)}), JS heap ${mb(u.heapUsed)}, external ${mb(u.external)}${live}`,
          );
        }
      }
    }
  }
  const reader = streamTable({ ...spec, pages: counted(spec.pages) } as typeof spec).getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const took = performance.now() - t;
  clearInterval(probe);
  console.log(
    `export ${format.padEnd(4)} ${ROWS} rows: ${(took / 1000).toFixed(1)} s, ${mb(bytes)} file, RSS before ${mb(before)}, peak ${mb(peak)} (+${mb(peak - before)}); JS heap before ${mb(heapBefore)}, peak ${mb(heap)}, peak external buffers ${mb(external)}; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

async function officeWorkbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("台账");
  sheet.addRow(["某市突出生态环境问题整改台账"]);
  sheet.mergeCells("A1:I1");
  sheet.addRow(["问题编号", "问题来源", "问题类型", "问题内容", "属地", "牵头单位", "牵头领导", "整改措施", "完成时限"]);
  const districts = ["D320205", "D320206", "D320211", "D320213", "D320214", "D320281", "D320282"];
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([
      `IMP-${String(i).padStart(6, "0")}`,
      ["中央环保督察", "省级督察", "信访", "自查"][i % 4],
      ["水", "大气", "固废", "噪声"][i % 4],
      `导入基准问题${i}：某企业排放异常，群众反映强烈。`,
      districts[i % districts.length],
      `单位${1 + (i % 10)}`,
      `领导${1 + (i % 5)}`,
      "1、现场排查\n2、限期整改\n3、复核验收",
      ["2027年6月底", "2027-12-31", "长期坚持", "2028年3月"][i % 4],
    ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const bench = await openBenchDb("pg-bench-export", Number(process.env.BENCH_PG_PORT ?? 54392));
try {
  const leader = await loadLedger(bench, ROWS);
  await measureExport(leader, "xlsx");
  await measureExport(leader, "csv");
  if (IMPORT_ROWS > 0) await measureImport(leader);
} finally {
  await closeBenchDb(bench);
}

async function measureImport(leader: Actor): Promise<void> {
  const coordinatorId = (
    await bench.client.query(
      `INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "updatedAt")
       VALUES (gen_random_uuid(), 'coordinator', 'x', '督察办', 'COORDINATOR', now()) RETURNING id`,
    )
  ).rows[0].id as string;
  const coordinator: Actor = { ...leader, id: coordinatorId, username: "coordinator", role: "COORDINATOR" };
  const bytes = await officeWorkbook(IMPORT_ROWS);
  const file = { name: "台账.xlsx", bytes };
  let t = performance.now();
  const preview = await importProblems(coordinator, file, { dryRun: true });
  console.log(
    `import dry run ${IMPORT_ROWS} rows: ${((performance.now() - t) / 1000).toFixed(1)} s (${preview.created} to create, ${preview.errors.length} errors)`,
  );
  t = performance.now();
  let last = 0;
  const done = await importProblems(coordinator, file, {
    onProgress: (n) => {
      last = n;
    },
  });
  console.log(
    `import commit  ${IMPORT_ROWS} rows: ${((performance.now() - t) / 1000).toFixed(1)} s (${done.created} created, ${done.errors.length} errors, progress reached ${last})`,
  );
}
