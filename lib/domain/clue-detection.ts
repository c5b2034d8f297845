/**
 * Off-site enforcement rules (非现场执法) on one outlet × pollutant series of hourly readings.
 * Pure: readings in, episodes out. The SQL twin for large batches is in
 * lib/server/clues/detect-clues-sql.ts; both read the rules the same way:
 *
 * - EXCEEDANCE (超标): value strictly over the limit for at least `exceedanceHours` consecutive
 *   hours; a missing hour or a reading at or under the limit ends the run.
 * - FLATLINE (恒值, suspected tampering): the same value in at least `flatlineHours` consecutive
 *   hourly readings; a missing hour or any other value ends the run.
 * - GAP (缺失): at least `gapHours` hours without a reading, between two readings or, when `until`
 *   is given (the last hour the import knows of), after the last reading.
 *
 * Windows are inclusive: `start` is the first hour of the episode, `end` its last hour.
 */
export const HOUR_MS = 3_600_000;

export type ClueRuleName = "EXCEEDANCE" | "FLATLINE" | "GAP";
export const CLUE_RULES: readonly ClueRuleName[] = ["EXCEEDANCE", "FLATLINE", "GAP"];

/** `hour`: epoch milliseconds of the start of the hour. */
export type HourlyReading = { hour: number; value: number; limit: number };

export type ClueThresholds = { exceedanceHours: number; flatlineHours: number; gapHours: number };

export type Episode = {
  rule: ClueRuleName;
  start: number;
  end: number;
  hours: number;
  /** EXCEEDANCE: the highest value; FLATLINE: the repeated value; GAP: null. */
  peak: number | null;
  /** EXCEEDANCE: the limit at the peak. */
  limit: number | null;
};

/** Sorts by hour and keeps the first reading of an hour (the database keeps the first too). */
export function normaliseSeries(readings: readonly HourlyReading[]): HourlyReading[] {
  const sorted = [...readings].sort((a, b) => a.hour - b.hour);
  return sorted.filter((r, i) => i === 0 || r.hour !== (sorted[i - 1] as HourlyReading).hour);
}

export function detectEpisodes(readings: readonly HourlyReading[], t: ClueThresholds, opts: { until?: number } = {}): Episode[] {
  const out: Episode[] = [];
  let exc: { start: number; end: number; n: number; peak: number; limit: number } | null = null;
  let flat: { start: number; end: number; n: number; value: number } | null = null;
  const endExc = () => {
    if (exc && exc.n >= t.exceedanceHours)
      out.push({ rule: "EXCEEDANCE", start: exc.start, end: exc.end, hours: exc.n, peak: exc.peak, limit: exc.limit });
    exc = null;
  };
  const endFlat = () => {
    if (flat && flat.n >= t.flatlineHours)
      out.push({ rule: "FLATLINE", start: flat.start, end: flat.end, hours: flat.n, peak: flat.value, limit: null });
    flat = null;
  };
  let prev: HourlyReading | null = null;
  for (const r of readings) {
    const adjacent = prev !== null && r.hour - prev.hour === HOUR_MS;
    if (prev && !adjacent) {
      endExc();
      endFlat();
      const missing = (r.hour - prev.hour) / HOUR_MS - 1;
      if (missing >= t.gapHours)
        out.push({ rule: "GAP", start: prev.hour + HOUR_MS, end: r.hour - HOUR_MS, hours: missing, peak: null, limit: null });
    }
    if (r.value > r.limit) {
      if (exc) {
        exc.end = r.hour;
        exc.n++;
        if (r.value > exc.peak) {
          exc.peak = r.value;
          exc.limit = r.limit;
        }
      } else exc = { start: r.hour, end: r.hour, n: 1, peak: r.value, limit: r.limit };
    } else endExc();
    if (flat && flat.value === r.value) {
      flat.end = r.hour;
      flat.n++;
    } else {
      endFlat();
      flat = { start: r.hour, end: r.hour, n: 1, value: r.value };
    }
    prev = r;
  }
  endExc();
  endFlat();
  if (prev && opts.until !== undefined && opts.until > prev.hour) {
    const missing = (opts.until - prev.hour) / HOUR_MS;
    if (missing >= t.gapHours)
      out.push({ rule: "GAP", start: prev.hour + HOUR_MS, end: opts.until, hours: missing, peak: null, limit: null });
  }
  return out.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/** Two windows of the same rule that overlap or touch belong to one episode (an import that extends it). */
export function sameEpisode(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end + HOUR_MS && b.start <= a.end + HOUR_MS;
}

/** Parses an hourly time written in Beijing time (`2026-11-01 08:00`, `2026/11/1 8:00`, `2026-11-01T08:00:00`) to epoch ms, or null. */
export function parseBeijingHour(text: string): number | { error: string } {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return { error: "时间格式应为 YYYY-MM-DD HH:mm（北京时间）" };
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as number[];
  if (mi !== 0 || s !== 0) return { error: "监测数据应为整点小时值（分、秒为 00）" };
  const ms = Date.UTC(y as number, (mo as number) - 1, d, (h as number) - 8);
  const check = new Date(ms + 8 * HOUR_MS);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== (mo as number) - 1 ||
    check.getUTCDate() !== d ||
    (h as number) > 23
  )
    return { error: "时间不是有效的日期和小时" };
  return ms;
}
