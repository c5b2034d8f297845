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

/** Only same-site paths may be a post-login destination (no open redirect via `//host` or a scheme). */
export function safeCallbackPath(raw: unknown, fallback = "/work"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (raw.startsWith("/login") || raw.startsWith("/api/")) return fallback;
  return raw;
}
