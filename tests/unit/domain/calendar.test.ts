import { describe, expect, it } from "vitest";
import { addDays, bureauToday, daysBetween, formatCalendarDate, parseCalendarDate } from "@/lib/domain/calendar";

describe("parseCalendarDate", () => {
  it("reads a calendar day as UTC midnight", () => {
    expect(parseCalendarDate("2026-12-31")?.toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(parseCalendarDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it.each([
    ["2026-02-30", "no 30 February"],
    ["2026-02-29", "2026 is not a leap year"],
    ["2100-02-29", "century years are not leap years"],
    ["2026-04-31", "April has 30 days"],
    ["2026-13-01", "no month 13"],
    ["2026-00-10", "no month 0"],
    ["2026-01-00", "no day 0"],
    ["2026-1-5", "digits must be padded"],
    ["26-01-05", "four-digit year"],
    ["2026/01/05", "slashes"],
    ["2026-01-05T00:00:00Z", "a timestamp is not a date"],
    [" 2026-01-05", "leading space"],
    ["", "empty"],
    ["二〇二六年一月五日", "Chinese numerals"],
    ["0050-01-01", "a year before 100 (Date.UTC would read it as 1950)"],
  ])("rejects %s (%s)", (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
});

// Stryker: equivalent — in parseCalendarDate, dropping the month check or the day check alone
// changes nothing: a day past the month's end (or day 0) moves both the day and the month, and a
// month past 12 (or month 0) moves the year; the year check stays needed for years before 100.
// Stryker: not observable — BUREAU_TIME_ZONE and the "en-CA" locale are used once when the module
// loads ("static" mutants; an invalid value throws at import). Stryker's vitest runner (9.6 with
// Vitest 4.1) reports static mutants as surviving; the bureauToday tests below fail if either changes.

describe("formatCalendarDate", () => {
  it("round-trips with parseCalendarDate", () => {
    for (const text of ["2026-01-01", "2026-12-31", "2028-02-29", "1999-07-04"]) {
      expect(formatCalendarDate(parseCalendarDate(text) as Date)).toBe(text);
    }
  });
});

describe("bureauToday", () => {
  it("is still the previous day just before midnight in Shanghai (15:59:59 UTC)", () => {
    expect(formatCalendarDate(bureauToday(new Date("2026-03-01T15:59:59.999Z")))).toBe("2026-03-01");
  });

  it("turns to the next day at midnight in Shanghai (16:00 UTC), while UTC is still on the old day", () => {
    expect(formatCalendarDate(bureauToday(new Date("2026-03-01T16:00:00.000Z")))).toBe("2026-03-02");
  });

  it("crosses the year boundary on Shanghai time", () => {
    expect(formatCalendarDate(bureauToday(new Date("2026-12-31T16:30:00Z")))).toBe("2027-01-01");
    expect(formatCalendarDate(bureauToday(new Date("2026-12-31T15:30:00Z")))).toBe("2026-12-31");
  });

  it("returns a Date at UTC midnight, comparable with stored deadlines", () => {
    const today = bureauToday(new Date("2026-06-15T23:00:00Z"));
    expect(today.toISOString()).toBe("2026-06-16T00:00:00.000Z");
  });
});

describe("addDays and daysBetween", () => {
  it("count whole calendar days, across month and year ends", () => {
    const d = parseCalendarDate("2026-12-30") as Date;
    expect(formatCalendarDate(addDays(d, 3))).toBe("2027-01-02");
    expect(formatCalendarDate(addDays(d, -30))).toBe("2026-11-30");
    expect(daysBetween(d, parseCalendarDate("2027-01-02") as Date)).toBe(3);
    expect(daysBetween(parseCalendarDate("2027-01-02") as Date, d)).toBe(-3);
    expect(daysBetween(parseCalendarDate("2028-02-28") as Date, parseCalendarDate("2028-03-01") as Date)).toBe(2);
  });
});

describe("the integration tests' midnight guard", () => {
  it("waits only in the last minutes of a Shanghai day, until just after midnight", async () => {
    const { msUntilShanghaiDayIsSafe } = await import("../../support/midnight-guard");
    expect(msUntilShanghaiDayIsSafe(Date.parse("2026-12-03T10:00:00+08:00"))).toBe(0);
    expect(msUntilShanghaiDayIsSafe(Date.parse("2026-12-03T23:55:00+08:00"))).toBe(0);
    expect(msUntilShanghaiDayIsSafe(Date.parse("2026-12-03T23:58:00+08:00"))).toBe(2 * 60_000 + 5_000);
    expect(msUntilShanghaiDayIsSafe(Date.parse("2026-12-04T00:00:01+08:00"))).toBe(0);
  });
});

describe("the app's clock, held within a Shanghai day", () => {
  it("runs with the system clock until the day's last millisecond, then stays there", async () => {
    const { heldWithinShanghaiDay } = await import("../../support/midnight-guard");
    let system = Date.parse("2026-12-03T23:59:58+08:00");
    const held = heldWithinShanghaiDay(system, () => system);
    expect(held()).toBe(system);
    system += 1_000;
    expect(held()).toBe(Date.parse("2026-12-03T23:59:59+08:00"));
    system = Date.parse("2026-12-04T00:00:03+08:00");
    expect(held()).toBe(Date.parse("2026-12-03T23:59:59.999+08:00"));
    // A file that starts just after midnight belongs to the new day.
    expect(heldWithinShanghaiDay(Date.parse("2026-12-04T00:00:01+08:00"), () => system)()).toBe(system);
  });

  it('"today" and calendar days read the clock source tests set', async () => {
    const { clockNow, setClockSource } = await import("@/lib/clock");
    try {
      setClockSource(() => Date.parse("2026-12-03T23:59:59.999+08:00"));
      expect(clockNow().toISOString()).toBe("2026-12-03T15:59:59.999Z");
      expect(formatCalendarDate(bureauToday())).toBe("2026-12-03");
      setClockSource(() => Date.parse("2026-12-04T00:00:00+08:00"));
      expect(formatCalendarDate(bureauToday())).toBe("2026-12-04");
    } finally {
      setClockSource(null);
    }
    expect(Math.abs(clockNow().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
