import { clockNow } from "../clock";

/** Deadlines are calendar days in Asia/Shanghai, stored as DATE (a JS Date at UTC midnight). */
export const BUREAU_TIME_ZONE = "Asia/Shanghai";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" → Date at UTC midnight, or null when it is not a real calendar day. */
export function parseCalendarDate(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/**
 * The days a date field may hold: a deadline in year 0100 or 9999 is a typing slip or an attack
 * (an approved 9999 extension would remove the deadline and add centuries of overdue days to the
 * totals). Configuration `DATE_MIN`/`DATE_MAX` (YYYY-MM-DD), default 2000-01-01..2100-12-31.
 */
export function plausibleDateRange(): { min: string; max: string } {
  const valid = (v: string | undefined, fallback: string) => (v && parseCalendarDate(v) ? v : fallback);
  return { min: valid(process.env.DATE_MIN, "2000-01-01"), max: valid(process.env.DATE_MAX, "2100-12-31") };
}

/** A real calendar day inside `plausibleDateRange()`. */
export function isPlausibleCalendarDate(text: string): boolean {
  if (!parseCalendarDate(text)) return false;
  const { min, max } = plausibleDateRange();
  return text >= min && text <= max;
}

/** The calendar day (in the bureau's zone) of an instant is inside `plausibleDateRange()`. */
export function isPlausibleInstant(iso: string): boolean {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return false;
  const day = new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  const { min, max } = plausibleDateRange();
  return day >= min && day <= max;
}

export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Built once: constructing an Intl formatter costs far more than formatting (it mattered at 100 000 problems).
const BUREAU_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUREAU_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day it is in Shanghai at instant `now`, as a Date at UTC midnight. */
export function bureauToday(now: Date = clockNow()): Date {
  return parseCalendarDate(BUREAU_DAY.format(now)) as Date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}
