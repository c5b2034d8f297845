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
export function bureauToday(now: Date = new Date()): Date {
  return parseCalendarDate(BUREAU_DAY.format(now)) as Date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}
