/**
 * Text that leaves the app in a spreadsheet, and comes back. A cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is read by Excel (and LibreOffice) as a formula — a
 * ledger row typed by anyone could run `=HYPERLINK(…)` or worse on a leader's machine (CSV
 * injection, OWASP). Such text is written with a leading apostrophe, which spreadsheet programs
 * treat as "this is text", and the import takes the apostrophe away again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `escapeFormulaText`: "'=1+1" → "=1+1"; other text unchanged. */
export function unescapeFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Measures written into one ledger cell, numbered "1. …" one per line (what offices type), and
 * read back from the numbering styles seen in office ledgers: "1." "1、" "（1）" "(1)" "①", or
 * one measure per line without numbers.
 */
export function formatMeasuresText(descriptions: readonly string[]): string {
  return descriptions.map((d, i) => `${i + 1}. ${d.replace(/\s*\n\s*/g, " ")}`).join("\n");
}

const NUMBERED = /^\s*(?:\d{1,3}\s*[.、．)）]|[（(]\s*\d{1,3}\s*[)）]|[①-⑳])\s*/;
// "1." splits only after a sentence end (so "2.5公里" stays whole); "（2）" and "②" split anywhere.
const INLINE_NUMBER = /\s*(?:(?<=^|[。；;\s])\d{1,3}[.、．]|[（(]\d{1,3}[)）]|[①-⑳])\s*/g;

export function parseMeasuresText(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const lines = trimmed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1) return lines.map((l) => l.replace(NUMBERED, "").trim()).filter(Boolean);
  // One line: split "1.xxx；2.yyy" at its inline numbers, when it starts with one.
  if (!NUMBERED.test(trimmed)) return [trimmed];
  return trimmed
    .split(INLINE_NUMBER)
    .map((p) =>
      p
        .trim()
        .replace(/[；;]$/, "")
        .trim(),
    )
    .filter(Boolean);
}

/** RFC 4180 CSV → rows of cells (quoted fields may hold separators, quotes and line breaks); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
