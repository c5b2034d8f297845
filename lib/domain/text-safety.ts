/**
 * Characters that make text look other than it is. Bidirectional controls (U+202A–202E,
 * U+2066–2069, U+200E/200F, U+061C) can reorder what a reader sees ("invoice‮gpj.exe" shows as
 * "invoiceexe.jpg"); zero-width and other invisible characters can make a text that looks empty.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// Whitespace, zero-width characters, bidi marks, soft hyphen, word joiners, BOM, Hangul fillers, Braille blank.
const INVISIBLE =
  /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufeff\uffa0]/gu;

/** Text that shows nothing at all: only whitespace, zero-width or other invisible characters. */
export function isInvisibleOnly(text: string): boolean {
  return text.replace(INVISIBLE, "").length === 0;
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
