import { describe, expect, it } from "vitest";
import {
  detectEpisodes,
  HOUR_MS,
  type HourlyReading,
  normaliseSeries,
  parseBeijingHour,
  sameEpisode,
} from "@/lib/domain/clue-detection";

const T = { exceedanceHours: 4, flatlineHours: 24, gapHours: 24 };
const H0 = Date.UTC(2026, 10, 1, 0); // 2026-11-01 08:00 Beijing

/** Hourly readings from `from` (hours after H0), one value per hour. */
function series(from: number, values: number[], limit = 100): HourlyReading[] {
  return values.map((value, i) => ({ hour: H0 + (from + i) * HOUR_MS, value, limit }));
}
/** Values that never repeat and stay under the limit. */
const wobble = (n: number, base = 10) => Array.from({ length: n }, (_, i) => base + (i % 7) * 0.1 + i * 0.001);

describe("EXCEEDANCE", () => {
  it("exactly N consecutive hours over the limit is a clue; N − 1 is not", () => {
    const exact = series(0, [...wobble(3), 120, 130, 125, 101, ...wobble(3, 20)]);
    const eps = detectEpisodes(exact, T);
    expect(eps).toEqual([
      { rule: "EXCEEDANCE", start: H0 + 3 * HOUR_MS, end: H0 + 6 * HOUR_MS, hours: 4, peak: 130, limit: 100 },
    ]);
    const short = series(0, [...wobble(3), 120, 130, 125, ...wobble(3, 20)]);
    expect(detectEpisodes(short, T)).toEqual([]);
  });

  it("a value equal to the limit is not over it, and a missing hour breaks the run", () => {
    expect(detectEpisodes(series(0, [120, 130, 100, 125, 126]), T)).toEqual([]);
    const broken = [...series(0, [120, 130, 125]), ...series(4, [120, 130, 125])];
    expect(detectEpisodes(broken, T).filter((e) => e.rule === "EXCEEDANCE")).toEqual([]);
  });

  it("keeps the limit of the peak hour", () => {
    const r = series(0, [120, 130, 125, 110]);
    (r[1] as HourlyReading).limit = 90;
    expect(detectEpisodes(r, T)[0]).toMatchObject({ peak: 130, limit: 90 });
  });
});

describe("FLATLINE", () => {
  it("the same value for 24 hours is a clue; 23 is not", () => {
    const flat24 = series(0, [...wobble(2), ...Array(24).fill(33.3), ...wobble(2, 40)]);
    expect(detectEpisodes(flat24, T)).toEqual([
      { rule: "FLATLINE", start: H0 + 2 * HOUR_MS, end: H0 + 25 * HOUR_MS, hours: 24, peak: 33.3, limit: null },
    ]);
    expect(detectEpisodes(series(0, [...wobble(2), ...Array(23).fill(33.3), ...wobble(2, 40)]), T)).toEqual([]);
  });

  it("a flat line broken by one reading is two short runs, not a clue", () => {
    const values = [...Array(14).fill(5), 5.01, ...Array(15).fill(5)];
    expect(detectEpisodes(series(0, values), T)).toEqual([]);
  });

  it("a flat line over the limit is both a flat line and an exceedance", () => {
    const rules = detectEpisodes(series(0, Array(30).fill(150)), T).map((e) => e.rule);
    expect(rules.sort()).toEqual(["EXCEEDANCE", "FLATLINE"]);
  });
});

describe("GAP", () => {
  it("24 missing hours spanning midnight (Beijing) is a clue with the missing window; 23 is not", () => {
    // last reading 2026-11-01 20:00 Beijing, next 2026-11-02 21:00 → 24 hours missing (21:00 … 20:00).
    const before = series(0, wobble(13)); // 08:00 … 20:00
    const after = series(37, wobble(3, 20)); // resumes 2026-11-02 21:00
    const eps = detectEpisodes([...before, ...after], T);
    expect(eps).toEqual([{ rule: "GAP", start: H0 + 13 * HOUR_MS, end: H0 + 36 * HOUR_MS, hours: 24, peak: null, limit: null }]);
    expect(new Date(H0 + 13 * HOUR_MS).toISOString()).toBe("2026-11-01T13:00:00.000Z"); // 21:00 Beijing
    const shorter = [...before, ...series(36, wobble(3, 20))];
    expect(detectEpisodes(shorter, T)).toEqual([]);
  });

  it("a silence after the last reading counts up to `until`", () => {
    const r = series(0, wobble(5));
    expect(detectEpisodes(r, T, { until: H0 + 27 * HOUR_MS })).toEqual([]);
    expect(detectEpisodes(r, T, { until: H0 + 28 * HOUR_MS })).toEqual([
      { rule: "GAP", start: H0 + 5 * HOUR_MS, end: H0 + 28 * HOUR_MS, hours: 24, peak: null, limit: null },
    ]);
  });
});

describe("episodes and times", () => {
  it("windows that overlap or touch are one episode", () => {
    expect(sameEpisode({ start: 0, end: 5 * HOUR_MS }, { start: 6 * HOUR_MS, end: 9 * HOUR_MS })).toBe(true);
    expect(sameEpisode({ start: 0, end: 5 * HOUR_MS }, { start: 7 * HOUR_MS, end: 9 * HOUR_MS })).toBe(false);
  });

  it("normalises order and keeps the first reading of an hour", () => {
    const r = normaliseSeries([
      { hour: 2, value: 1, limit: 1 },
      { hour: 1, value: 2, limit: 1 },
      { hour: 1, value: 3, limit: 1 },
    ]);
    expect(r.map((x) => [x.hour, x.value])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it("reads Beijing hours and refuses non-hourly or impossible times in Chinese", () => {
    expect(parseBeijingHour("2026-11-01 08:00")).toBe(H0);
    expect(parseBeijingHour("2026/11/1 8:00")).toBe(H0);
    expect(parseBeijingHour("2026-11-01T00:00:00")).toBe(Date.UTC(2026, 9, 31, 16));
    expect(parseBeijingHour("2026-11-01 08:30")).toEqual({ error: expect.stringContaining("整点") });
    expect(parseBeijingHour("2026-02-30 08:00")).toEqual({ error: expect.stringContaining("有效") });
    expect(parseBeijingHour("2026-11-01 24:00")).toEqual({ error: expect.stringContaining("有效") });
    expect(parseBeijingHour("yesterday")).toEqual({ error: expect.stringContaining("YYYY-MM-DD") });
  });
});
