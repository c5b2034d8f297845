import { formatCalendarDate, isPlausibleCalendarDate } from "./calendar";

/**
 * A deadline as office ledgers write it (整改时限): an ISO or slashed date, "2022年6月15日",
 * "2021年12月底" / "2022年6月" (the month's last day: a month deadline means "by the end of"),
 * "2022年底" / "2022年" (31 December), an Excel date serial ("44561"), or "长期坚持" / "长期" /
 * "持续推进" → an ONGOING problem without a deadline.
 */
export type LedgerDeadline = { kind: "empty" } | { kind: "ongoing" } | { kind: "date"; date: string } | { kind: "invalid" };

const ONGOING = /^(长期坚持|长期|持续推进|持续整改|常态化|长效)$/;

function ymd(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return formatCalendarDate(date);
}

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return formatCalendarDate(new Date(Date.UTC(y, m, 0)));
}

/** Excel's day serial (1900 system, with its 1900-02-29) → calendar day. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return formatCalendarDate(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

export function parseLedgerDeadline(raw: string): LedgerDeadline {
  const text = raw
    .trim()
    .replace(/\s+/g, "")
    .replace(/[前以内止]+$/, "");
  if (!text) return { kind: "empty" };
  if (ONGOING.test(text)) return { kind: "ongoing" };
  const date = readDate(text);
  if (!date || !isPlausibleCalendarDate(date)) return { kind: "invalid" };
  return { kind: "date", date };
}

/**
 * The band of a deadline when the ledger has no band column: the time from `today` to the
 * deadline — passed or within 30 days 立行立改, ≤ 1 year short, ≤ 3 years mid, longer long.
 */
export function bandForDeadline(deadline: string, today: string): "IMMEDIATE" | "SHORT" | "MID" | "LONG" {
  const days = (Date.parse(deadline) - Date.parse(today)) / 86_400_000;
  if (days <= 30) return "IMMEDIATE";
  if (days <= 366) return "SHORT";
  if (days <= 3 * 366) return "MID";
  return "LONG";
}

/** The patterns in the order they are tried; each turns its match into a calendar day. */
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string | null][] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T.*)?$/, (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/^(\d{4})年(\d{1,2})月(?:底|末|份)?$/, (m) => monthEnd(Number(m[1]), Number(m[2]))],
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => monthEnd(Number(m[1]), Number(m[2]))],
  [/^(\d{4})年(?:底|末)?$/, (m) => ymd(Number(m[1]), 12, 31)],
  [/^\d{4,6}$/, (m) => excelSerialToDate(Number(m[0]))],
];

function readDate(text: string): string | null {
  for (const [re, toDate] of PATTERNS) {
    const m = re.exec(text);
    if (m) return toDate(m);
  }
  return null;
}
