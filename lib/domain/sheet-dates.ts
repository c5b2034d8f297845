/**
 * Date cells of imported spreadsheets. Excel stores a date as a day count (a "serial") with the
 * time of day as its fraction and no time zone: what the person typed is wall-clock time, which
 * this bureau reads as Beijing time (Asia/Shanghai). So a date cell is kept as the wall-clock
 * fields it shows — never shifted through UTC or the server's zone — and written as text in the
 * form its column needs:
 *
 * - `month`: "YYYY-MM" (indicator and section months),
 * - `day`: "YYYY-MM-DD" (readings, ledger dates),
 * - `datetime`: "YYYY-MM-DD HH:mm" (":ss" when the seconds are not 0; a date cell at midnight is
 *   "… 00:00") for hourly monitoring; a typed date without a time stays a bare date, for the
 *   importer to judge.
 *
 * In a column declared as `day` or `datetime`, a plain number in the range of real dates (a date
 * typed into a cell formatted as a number, or a formula's result) is read as a serial, and text
 * dates people type ("2026/7/15", "2026年7月15日", "2026.7.15 8:00") are written the same way;
 * anything else stays as it was so the importer's own check can name the row.
 */
export type DateKind = "month" | "day" | "datetime";

/** Serial 1 (1900 system) is 1900-01-01; Excel's phantom 1900-02-29 (serial 60) makes day 0 fall on 1899-12-30. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;
/** 1950-01-01 … 2099-12-31 in the 1900 system: any plausible date of this product; other numbers are not dates. */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_050;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Wall-clock fields of an instant whose UTC fields are the cell's shown value (as ExcelJS and `serialToWallClock` give them). */
export function formatWallClock(at: Date, kind: DateKind): string {
  const day = `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  if (kind === "month") return day.slice(0, 7);
  if (kind === "day") return day;
  const h = at.getUTCHours();
  const m = at.getUTCMinutes();
  const s = at.getUTCSeconds();
  return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ""}`;
}

/** A serial day count as wall-clock fields (in the UTC fields of the Date), to the second. */
export function serialToWallClock(serial: number, date1904 = false): Date {
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + ms);
}

/** Whether a cell's number reads as a date serial (1950–2099). */
export function isPlausibleSerial(n: number, date1904 = false): boolean {
  const s = date1904 ? n + 1462 : n;
  return Number.isFinite(n) && s >= SERIAL_MIN && s < SERIAL_MAX + 1;
}

const TEXT_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?$/;

/**
 * A typed date as the column's text, or null when it is not a real date of that shape (left to the
 * importer to reject). Only day and datetime columns are normalised.
 */
export function normalizeTextDate(text: string, kind: DateKind): string | null {
  const m = TEXT_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  if (y === undefined || mo === undefined || d === undefined) return null;
  const at = new Date(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0));
  if (at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return null;
  // A day column takes a date with a time written as only the date; a datetime column keeps the time.
  if (kind === "datetime" && h === undefined) return formatWallClock(at, "day");
  return formatWallClock(at, kind);
}

/** One date cell the sheet parser met: where it is (0-based row of `rows`, column) and its wall-clock value as an ISO string. */
export type DateCell = { row: number; col: number; iso: string };

/** Header text as a key: trimmed, lower case, no blanks. */
export const headerKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, "");

/**
 * Rewrites the cells of the columns named in `columns` (header text → kind) in place: date cells
 * in the column's kind, serial numbers and typed dates as dates. The header is the first row that
 * names one of the columns; rows above it (titles) are left alone.
 */
export function applyDateColumns(
  rows: string[][],
  dateCells: readonly DateCell[],
  columns: Readonly<Record<string, DateKind>>,
  opts: { date1904?: boolean } = {},
): void {
  const wanted = new Map(Object.entries(columns).map(([k, v]) => [headerKey(k), v]));
  if (wanted.size === 0) return;
  const headerAt = rows.findIndex((r) => r.some((c) => wanted.has(headerKey(c))));
  if (headerAt < 0) return;
  const kinds = new Map<number, DateKind>();
  (rows[headerAt] ?? []).forEach((c, i) => {
    const kind = wanted.get(headerKey(c));
    if (kind) kinds.set(i, kind);
  });
  const real = new Map(dateCells.map((d) => [`${d.row}:${d.col}`, d.iso]));
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (const [c, kind] of kinds) {
      const iso = real.get(`${r}:${c}`);
      if (iso) {
        row[c] = formatWallClock(new Date(iso), kind);
        continue;
      }
      const text = (row[c] ?? "").trim();
      if (text === "" || kind === "month") continue;
      if (/^\d+(\.\d+)?$/.test(text)) {
        const n = Number(text);
        if (isPlausibleSerial(n, opts.date1904)) row[c] = formatWallClock(serialToWallClock(n, opts.date1904), kind);
        continue;
      }
      const typed = normalizeTextDate(text, kind);
      if (typed) row[c] = typed;
    }
  }
}
