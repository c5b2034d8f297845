import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";

/**
 * A workbook is read off the request loop: each parse starts its own worker thread (with a heap
 * limit), and the main thread keeps serving timers while a large one is read. Fails if parsing
 * moves back onto the thread that answers every other request.
 */
const started = vi.hoisted(() => ({ workers: [] as { resourceLimits?: { maxOldGenerationSizeMb?: number } }[] }));
vi.mock("node:worker_threads", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:worker_threads")>();
  class CountedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.workers.push({ resourceLimits: args[1]?.resourceLimits });
    }
  }
  return { ...real, default: { ...real, Worker: CountedWorker }, Worker: CountedWorker };
});

const { parseXlsxInWorker } = await import("@/lib/server/office/parse-xlsx");

async function workbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("data");
  for (let i = 0; i < rows; i++) sheet.addRow([`320${String(i).padStart(3, "0")}`, `第${i}行`, i * 1.5, "备注文字较长的一列"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("XLSX parsing off the request loop", () => {
  it("each parse runs in its own worker thread with a heap limit", async () => {
    const bytes = await workbook(3);
    const before = started.workers.length;
    const sheet = await parseXlsxInWorker(bytes);
    expect(sheet.rows).toHaveLength(3);
    expect(started.workers.length).toBe(before + 1);
    expect(started.workers.at(-1)?.resourceLimits?.maxOldGenerationSizeMb).toBeGreaterThan(0);
  });

  it("the main thread keeps running timers while a large workbook is read", async () => {
    const bytes = await workbook(5_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const t0 = performance.now();
    const sheet = await parseXlsxInWorker(bytes);
    const took = performance.now() - t0;
    clearInterval(timer);
    expect(sheet.rows).toHaveLength(5_000);
    // In-thread parsing would starve the interval for the whole parse; in a worker it keeps ticking.
    expect(ticks, `${ticks} ticks in ${Math.round(took)} ms`).toBeGreaterThanOrEqual(Math.min(20, Math.floor(took / 20)));
  }, 60_000);
});
