import { BUREAU_TIME_ZONE } from "../domain/calendar";
import { LOCALES, type Locale } from "../schemas/parse";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const dateTimeParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUREAU_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as the bureau reads it: "2026-11-28 20:05", Asia/Shanghai, whatever the server's zone. */
export function formatBureauDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(dateTimeParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

// C0 and C1 control characters, DEL, and the invisible/bidi marks a browser drops or reorders.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const PROBE_ORIGIN = "http://rectify.invalid";

function sameOriginPath(candidate: string): string | null {
  const cleaned = candidate.replace(CONTROL_CHARS, "").trim();
  if (!cleaned.startsWith("/") || cleaned.startsWith("//") || cleaned.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(cleaned, PROBE_ORIGIN);
  } catch {
    return null;
  }
  // `/.//host` normalises to `//host`: the result itself must not be protocol-relative either.
  if (url.origin !== PROBE_ORIGIN || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Only same-origin paths may be a post-login destination (no open redirect). Control characters
 * are removed first (a browser drops a tab inside `/\t/host`, making it `//host`), backslashes are
 * refused (browsers read `/\host` as `//host`), and the path — also once percent-decoded, so
 * `%5C`, `%2F%2F` and `%09` cannot hide one — must resolve to this origin.
 */
export function safeCallbackPath(raw: unknown, fallback = "/work"): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  const path = sameOriginPath(raw);
  if (!path) return fallback;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  if (!sameOriginPath(decoded) || /^\/\/|^\/\\/.test(decoded.replace(CONTROL_CHARS, ""))) return fallback;
  if (path.startsWith("/login") || path.startsWith("/api/")) return fallback;
  return path;
}
