/**
 * Characters that make text look other than it is. Bidirectional controls (U+202A–202E,
 * U+2066–2069, U+200E/200F, U+061C) can reorder what a reader sees ("invoice‮gpj.exe" shows as
 * "invoiceexe.jpg"); zero-width and other invisible characters can make a text that looks empty.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// Zero-width characters, bidi marks, soft hyphen, combining grapheme joiner, word joiners, BOM,
// Hangul fillers, Mongolian vowel separator, Braille blank (whitespace is matched by \s).
const INVISIBLE_SINGLE = new Set([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x2800, 0x3164, 0xfeff, 0xffa0,
]);
const INVISIBLE_RANGES: [number, number][] = [
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
];

function isInvisible(ch: string): boolean {
  if (/\s/u.test(ch)) return true;
  const cp = ch.codePointAt(0) ?? 0;
  return INVISIBLE_SINGLE.has(cp) || INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
}

/** Text that shows nothing at all: only whitespace, zero-width or other invisible characters. */
export function isInvisibleOnly(text: string): boolean {
  for (const ch of text) if (!isInvisible(ch)) return false;
  return true;
}

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/**
 * A cell a spreadsheet would run as a formula (OWASP CSV injection): starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return — checked on the raw cell, before any trimming.
 */
export function startsLikeFormula(raw: string): boolean {
  return /^[=+\-@\t\r]/.test(raw) || /^\s*[=+\-@]/.test(raw);
}
