/**
 * The spreadsheet writer alone (no database): `ROWS` synthetic ledger-like rows (20 columns of
 * Chinese text, dates, numbers) streamed through `streamTable` in pages of 1 000, the file
 * counted and dropped. Prints RSS, JS heap and external/array buffers at 25/50/75/100 % of
 * the rows, so whether memory grows with the rows (buffering) or stays flat is visible.
 *
 *   npx tsx --conditions=react-server scripts/bench/table-export-memory.ts   (ROWS=100000 FORMAT=xlsx)
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { type ExportColumn, streamTable } from "../../lib/server/office/table-export";

const ROWS = Number(process.env.ROWS ?? 100_000);
const FORMAT = (process.env.FORMAT ?? "xlsx") as "xlsx" | "csv";
const PAGE = 1000;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

type Row = { n: number };
const text = (n: number, len: number) =>
  `某企业第${n}号排放口废气收集不完善，群众反映强烈，`.repeat(Math.ceil(len / 24)).slice(0, len);
const columns: ExportColumn<Row>[] = [
  { header: "序号", width: 6, kind: "int", value: (_r, i) => i + 1 },
  { header: "问题编号", width: 16, value: (r) => `WX-2026-${String(r.n).padStart(6, "0")}` },
  ...Array.from({ length: 14 }, (_, c) => ({ header: `文本${c + 1}`, width: 20, value: (r: Row) => text(r.n + c, 8 + c * 6) })),
  { header: "整改时限", width: 12, kind: "date" as const, value: (r) => new Date(Date.UTC(2027, r.n % 12, 1 + (r.n % 28))) },
  { header: "完成率", width: 8, kind: "percent" as const, value: (r) => r.n % 101 },
  { header: "逾期天数", width: 8, kind: "int" as const, value: (r) => r.n % 30 },
  { header: "备注", width: 20, value: (r) => (r.n % 7 === 0 ? `=HYPERLINK("x${r.n}")` : "") },
];

const marks = [0.25, 0.5, 0.75, 1].map((f) => Math.round(ROWS * f));
global.gc?.();
const base = process.memoryUsage();
let peak = base.rss;
const probe = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const t = performance.now();
async function* pages(): AsyncGenerator<Row[]> {
  for (let start = 0; start < ROWS; start += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, ROWS - start) }, (_, i) => ({ n: start + i + 1 }));
    yield page;
    const done = start + page.length;
    if (marks.includes(done)) {
      const m = process.memoryUsage();
      // With --expose-gc: what is still alive after a full collection.
      global.gc?.();
      const live = global.gc ? `, live heap after full GC ${mb(process.memoryUsage().heapUsed)}` : "";
      console.log(
        `${String(Math.round((done / ROWS) * 100)).padStart(3)} % (${done} rows, ${((performance.now() - t) / 1000).toFixed(1)} s): RSS +${mb(m.rss - base.rss)} (peak +${mb(peak - base.rss)}), heap ${mb(m.heapUsed)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}${live}`,
      );
    }
  }
}
const reader = streamTable({ format: FORMAT, sheetName: "台账", columns, pages: pages() }).getReader();
let bytes = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
}
clearInterval(probe);
console.log(
  `${FORMAT} ${ROWS} rows: ${((performance.now() - t) / 1000).toFixed(1)} s, ${mb(bytes)} file, RSS before ${mb(base.rss)}, peak +${mb(peak - base.rss)}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
