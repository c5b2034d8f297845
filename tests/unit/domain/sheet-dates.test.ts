import { describe, expect, it } from "vitest";
import {
  applyDateColumns,
  formatWallClock,
  isPlausibleSerial,
  normalizeTextDate,
  serialToWallClock,
} from "@/lib/domain/sheet-dates";

describe("date serials", () => {
  it("reads the 1900 and 1904 systems, with the time of day as the fraction", () => {
    expect(formatWallClock(serialToWallClock(46218), "day")).toBe("2026-07-15");
    expect(formatWallClock(serialToWallClock(46218.75), "datetime")).toBe("2026-07-15 18:00");
    expect(formatWallClock(serialToWallClock(46218 + 23.5 / 24), "day")).toBe("2026-07-15");
    expect(formatWallClock(serialToWallClock(46218 - 1462, true), "day")).toBe("2026-07-15");
    expect(formatWallClock(serialToWallClock(46218), "month")).toBe("2026-07");
  });

  it("takes only numbers in the range of real dates as serials", () => {
    expect(isPlausibleSerial(46218)).toBe(true);
    expect(isPlausibleSerial(12.5)).toBe(false);
    expect(isPlausibleSerial(320281)).toBe(false);
    expect(isPlausibleSerial(46218 - 1462, true)).toBe(true);
  });

  it("a date cell at midnight keeps 00:00 in a datetime column, seconds only when set", () => {
    expect(formatWallClock(new Date(Date.UTC(2026, 10, 1)), "datetime")).toBe("2026-11-01 00:00");
    expect(formatWallClock(new Date(Date.UTC(2026, 10, 1, 8, 0, 30)), "datetime")).toBe("2026-11-01 08:00:30");
  });
});

describe("typed dates", () => {
  it.each([
    ["2026/7/15", "2026-07-15"],
    ["2026-7-5", "2026-07-05"],
    ["2026.07.15", "2026-07-15"],
    ["2026年7月15日", "2026-07-15"],
    [" 2026-07-15 ", "2026-07-15"],
    ["2026/7/15 8:00", "2026-07-15"],
  ])("%s reads as the day %s", (text, day) => {
    expect(normalizeTextDate(text, "day")).toBe(day);
  });

  it("keeps the time in a datetime column, and a bare date bare", () => {
    expect(normalizeTextDate("2026/11/1 8:00", "datetime")).toBe("2026-11-01 08:00");
    expect(normalizeTextDate("2026年11月1日 8时00分", "datetime")).toBe("2026-11-01 08:00");
    expect(normalizeTextDate("2026-11-01", "datetime")).toBe("2026-11-01");
  });

  it("leaves what is not a real date for the importer to reject", () => {
    expect(normalizeTextDate("2026-02-30", "day")).toBeNull();
    expect(normalizeTextDate("2026-07", "day")).toBeNull();
    expect(normalizeTextDate("明天", "day")).toBeNull();
    expect(normalizeTextDate("2026-07-15 25:00", "datetime")).toBeNull();
  });
});

describe("applyDateColumns", () => {
  it("rewrites only the named columns below the header; other columns keep their text", () => {
    const rows = [
      ["太湖藻情日报"],
      ["点位编号", "日期", "藻密度", "period"],
      ["TH-01", "2026-07", "46218", "2026-07"],
      ["TH-02", "46219", "46219", "2026-07"],
      ["TH-03", "2026/7/17", "1200", ""],
      ["TH-04", "昨天", "", ""],
    ];
    applyDateColumns(rows, [{ row: 2, col: 1, iso: "2026-07-15T23:30:00.000Z" }], { 日期: "day" });
    expect(rows.slice(2).map((r) => r[1])).toEqual(["2026-07-15", "2026-07-16", "2026-07-17", "昨天"]);
    expect(rows.slice(2).map((r) => r[2])).toEqual(["46218", "46219", "1200", ""]);
    expect(rows.slice(2).map((r) => r[3])).toEqual(["2026-07", "2026-07", "", ""]);
    expect(rows[0]).toEqual(["太湖藻情日报"]);
  });

  it("matches the header whatever its case and blanks", () => {
    const rows = [
      [" Time ", "value"],
      ["46327.375", "1"],
    ];
    applyDateColumns(rows, [], { time: "datetime" });
    expect(rows[1]?.[0]).toBe("2026-11-01 09:00");
  });
});
