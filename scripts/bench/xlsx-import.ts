/**
 * How much a large XLSX import stalls everything else: builds a 100 000-row workbook, then reads
 * it (a) with ExcelJS on the main thread, as the import did before, and (b) with
 * `parseXlsxInWorker`, while a timer that should fire every 10 ms measures how late it fires —
 * the wait any other request would see. Prints the figures; asserts nothing.
 *
 *   npm run bench:xlsx            (ROWS=100000 by default)
 */
import ExcelJS from "exceljs";
import { parseXlsxInWorker } from "../../lib/server/office/parse-xlsx";

const ROWS = Number(process.env.ROWS ?? 100_000);

async function build(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("data");
  sheet.addRow(["unit_code", "unit_name", "period", "cumulative", "indicator", "value"]);
  for (let i = 0; i < ROWS; i++) sheet.addRow(["320281", "江阴市", "2026-05", "true", "PM25", 30 + (i % 50)]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function withLagProbe(label: string, work: () => Promise<unknown>) {
  const lags: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  await work();
  const took = performance.now() - started;
  clearInterval(timer);
  lags.sort((a, b) => a - b);
  const p = (q: number) => (lags.length ? lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] : Number.NaN);
  console.log(
    `${label.padEnd(28)} took ${took.toFixed(0).padStart(6)} ms; a concurrent 10 ms timer was late by p50 ${p(0.5)?.toFixed(1)} ms, p99 ${p(0.99)?.toFixed(1)} ms, max ${lags.at(-1)?.toFixed(1) ?? "n/a (never fired)"} ms`,
  );
}

const bytes = await build();
console.log(`workbook: ${ROWS} rows, ${(bytes.byteLength / 1024).toFixed(0)} KB`);
await withLagProbe("ExcelJS on the main thread", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});
await withLagProbe("parseXlsxInWorker", () => parseXlsxInWorker(bytes));
