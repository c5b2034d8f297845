import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseXlsxInWorker, XlsxRefused } from "@/lib/server/office/parse-xlsx";
import { checkZipLimits, readZipDirectory, ZipRefused } from "@/lib/server/office/zip-directory";
import { makeZip, zipBomb } from "../../support/zip";

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("data");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof XlsxRefused || e instanceof ZipRefused) return e.reason;
    throw e;
  }
  return "accepted";
}

describe("ZIP central directory", () => {
  it("lists the entries with their declared sizes, from the end of the file alone", () => {
    const zip = makeZip([
      { name: "a.xml", data: new Uint8Array(1000) },
      { name: "b.xml", data: new Uint8Array(2000) },
    ]);
    const entries = readZipDirectory(zip.subarray(zip.length - 200), zip.length);
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ["a.xml", 1000],
      ["b.xml", 2000],
    ]);
  });

  it("a 100 KB file declaring 100 MB unpacked, or too many entries, is refused before inflating", () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(200 * 1024);
    const limits = { maxEntries: 10, maxUnpackedBytes: 50 * 1024 * 1024 };
    expect(() => checkZipLimits(readZipDirectory(bomb), limits)).toThrow(/unpacks to 104857600 bytes/);
    const many = makeZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1) })));
    expect(() => checkZipLimits(readZipDirectory(many), limits)).toThrow(ZipRefused);
  });

  it("not a ZIP → refused", () => {
    expect(() => readZipDirectory(new TextEncoder().encode("unit_code,unit_name"))).toThrow(/not a ZIP/);
  });
});

describe("parseXlsxInWorker", () => {
  it("reads the first sheet as text cells in a worker thread", async () => {
    const bytes = await workbook([
      ["unit_code", "value"],
      ["320281", 80.5],
    ]);
    expect(await parseXlsxInWorker(bytes)).toEqual({
      sheetName: "data",
      rows: [
        ["unit_code", "value"],
        ["320281", "80.5"],
      ],
      rowNumbers: [1, 2],
      merges: [],
    });
  });

  it("gives each row its sheet row number, blank spacer rows skipped", async () => {
    const bytes = await workbook([["username", "role"], [], ["zhang", "VIEWER"]]);
    const sheet = await parseXlsxInWorker(bytes);
    expect(sheet.rows).toEqual([
      ["username", "role"],
      ["zhang", "VIEWER"],
    ]);
    expect(sheet.rowNumbers).toEqual([1, 3]);
  });

  it("refuses the bomb from its directory, and a directory that lies while inflating", async () => {
    expect(await refusal(parseXlsxInWorker(zipBomb()))).toBe("too-large-unpacked");
    // Declares 1 KB, holds 60 MB: caught by counting the inflated bytes.
    const liar = makeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(60 * 1024 * 1024), declaredSize: 1024 }]);
    expect(await refusal(parseXlsxInWorker(liar, { maxUnpackedBytes: 50 * 1024 * 1024 }))).toBe("too-large-unpacked");
  });

  it("refuses more rows than allowed, and a file that is not a workbook", async () => {
    const bytes = await workbook(Array.from({ length: 30 }, (_, i) => [`r${i}`, i]));
    expect(await refusal(parseXlsxInWorker(bytes, { maxRows: 20 }))).toBe("too-many-rows");
    expect(["unreadable", "no-sheet"]).toContain(
      await refusal(parseXlsxInWorker(makeZip([{ name: "x.txt", data: new Uint8Array(10) }]))),
    );
  });
});

describe("parseXlsxInWorker date cells", () => {
  async function datedBook(date1904 = false): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = date1904;
    const sheet = book.addWorksheet("readings");
    sheet.addRow(["点位编号", "日期", "time", "period", "藻密度"]);
    // ExcelJS writes a Date's UTC fields as the wall clock shown in Excel (no zone in the file).
    const real = sheet.addRow([
      "TH-01",
      new Date(Date.UTC(2026, 6, 15, 23, 30)),
      new Date(Date.UTC(2026, 10, 1)),
      new Date(Date.UTC(2026, 6, 1)),
      1200,
    ]);
    real.getCell(2).numFmt = "yyyy-mm-dd hh:mm";
    real.getCell(3).numFmt = "yyyy/m/d h:mm";
    real.getCell(4).numFmt = "yyyy-mm";
    sheet.addRow(["TH-02", 46219, 46327.375, "2026-07", 46219]);
    sheet.addRow(["TH-03", "2026/7/17", "2026/11/1 10:00", "2026-07", 800]);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("by default a date cell reads as its month (indicator imports), other cells untouched", async () => {
    const sheet = await parseXlsxInWorker(await datedBook());
    expect(sheet.rows[1]).toEqual(["TH-01", "2026-07", "2026-11", "2026-07", "1200"]);
    expect(sheet.rows[2]).toEqual(["TH-02", "46219", "46327.375", "2026-07", "46219"]);
  });

  it("per column: a real date cell, a serial and a typed date read as the day or the date and hour, in Beijing wall-clock time", async () => {
    const sheet = await parseXlsxInWorker(await datedBook(), {}, { dateColumns: { 日期: "day", time: "datetime" } });
    expect(sheet.rows.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ["2026-07-15", "2026-11-01 00:00"],
      ["2026-07-16", "2026-11-01 09:00"],
      ["2026-07-17", "2026-11-01 10:00"],
    ]);
    // Columns not named keep the default reading; numbers stay numbers.
    expect(sheet.rows.slice(1).map((r) => [r[3], r[4]])).toEqual([
      ["2026-07", "1200"],
      ["2026-07", "46219"],
      ["2026-07", "800"],
    ]);
  });

  it("a workbook in the 1904 date system gives the same days", async () => {
    const sheet = await parseXlsxInWorker(await datedBook(true), {}, { dateColumns: { 日期: "day" } });
    expect(sheet.rows[1]?.[1]).toBe("2026-07-15");
  });
});

describe("monitoring upload: XLSX time cells", () => {
  it("a real date-time cell in the `time` column reads as the Beijing hour the cell shows", async () => {
    const { rowsOfStream } = await import("@/lib/server/monitoring/read-monitoring-upload");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("data");
    sheet.addRow(["credit_code", "outlet_code", "pollutant", "time", "value", "limit", "unit"]);
    const row = sheet.addRow(["91320200MA1X000000", "DW001", "COD", new Date(Date.UTC(2026, 10, 1, 8)), 35.2, 50, "mg/L"]);
    row.getCell(4).numFmt = "yyyy-mm-dd hh:mm";
    sheet.addRow(["91320200MA1X000000", "DW001", "COD", 46327 + 9 / 24, 36, 50, "mg/L"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const rows: string[][] = [];
    for await (const r of rowsOfStream(
      (async function* () {
        yield bytes;
      })(),
    ))
      rows.push(r.cells);
    expect(rows.slice(1).map((r) => r[3])).toEqual(["2026-11-01 08:00", "2026-11-01 09:00"]);
  });
});
