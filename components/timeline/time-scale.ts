/**
 * The time axis of the timeline board: a span of whole months around the dates to draw, mapped to
 * pixels, with month ticks. Pure (no React, no I/O) so the layout rules are unit-tested.
 * Dates are calendar days "YYYY-MM-DD" (as the API sends them) and are handled in UTC.
 */
export type MonthTick = {
  /** First day of the month, "YYYY-MM-DD". */
  date: string;
  x: number;
  year: number;
  /** 1–12. */
  month: number;
  /** January, or the first tick: the year is written. */
  yearStart: boolean;
  /** Whether the tick gets a text label (all months when there is room, else every 2nd, 3rd, 6th or 12th). */
  labelled: boolean;
};

export type TimeScale = {
  start: string;
  /** First day after the last month shown. */
  end: string;
  width: number;
  pxPerDay: number;
  ticks: MonthTick[];
  x: (date: string) => number;
};

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Month label steps, smallest first: the first that leaves `minLabelGap` pixels between labels wins. */
const LABEL_STEPS = [1, 2, 3, 6, 12] as const;

export type ScaleOptions = {
  /** Width the axis should fill when the span is short (px). */
  targetWidth: number;
  /** Narrowest a month may get; a long span then scrolls instead (px). */
  minMonthWidth: number;
  /** Widest a month may get, so a short span does not stretch absurdly (px). */
  maxMonthWidth: number;
  /** Least room between two month labels (px). */
  minLabelGap: number;
  /** Whole months of margin before the earliest and after the latest date. */
  padMonths: number;
};

export const DEFAULT_SCALE: ScaleOptions = {
  targetWidth: 960,
  minMonthWidth: 14,
  maxMonthWidth: 120,
  minLabelGap: 44,
  padMonths: 1,
};

/**
 * A scale covering every given date (and `today`), padded by whole months, starting on the first
 * of a month and ending on the first of the month after the last one shown.
 */
export function buildTimeScale(dates: readonly string[], today: string, options: Partial<ScaleOptions> = {}): TimeScale {
  const o = { ...DEFAULT_SCALE, ...options };
  const all = [today, ...dates].map(toUtc);
  const min = new Date(Math.min(...all));
  const max = new Date(Math.max(...all));
  const startMs = Date.UTC(min.getUTCFullYear(), min.getUTCMonth() - o.padMonths, 1);
  const endMs = Date.UTC(max.getUTCFullYear(), max.getUTCMonth() + 1 + o.padMonths, 1);
  const startMonth = new Date(startMs);
  const months =
    (new Date(endMs).getUTCFullYear() - startMonth.getUTCFullYear()) * 12 +
    (new Date(endMs).getUTCMonth() - startMonth.getUTCMonth());
  const monthWidth = Math.min(o.maxMonthWidth, Math.max(o.minMonthWidth, o.targetWidth / months));
  const width = Math.round(monthWidth * months);
  const pxPerDay = width / ((endMs - startMs) / DAY_MS);
  const step = LABEL_STEPS.find((s) => s * monthWidth >= o.minLabelGap) ?? 12;

  const x = (date: string) => ((toUtc(date) - startMs) / DAY_MS) * pxPerDay;
  const ticks: MonthTick[] = [];
  for (let i = 0; i < months; i++) {
    const ms = Date.UTC(startMonth.getUTCFullYear(), startMonth.getUTCMonth() + i, 1);
    const d = new Date(ms);
    const month = d.getUTCMonth() + 1;
    ticks.push({
      date: iso(ms),
      x: ((ms - startMs) / DAY_MS) * pxPerDay,
      year: d.getUTCFullYear(),
      month,
      yearStart: month === 1 || i === 0,
      labelled: (month - 1) % step === 0,
    });
  }
  return { start: iso(startMs), end: iso(endMs), width, pxPerDay, ticks, x };
}

/** Text cut to `max` characters with an ellipsis (SVG text does not wrap or clip by itself). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}
