/**
 * Structured logs: one JSON object per line on stdout (info) or stderr (warn, error) with the
 * time, level, message and fields such as `requestId` — what log collectors (Loki, ELK, 阿里云
 * SLS) ingest as is. `LOG_FORMAT=text` prints readable lines instead (the default under
 * `npm run dev`).
 */

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

function errorFields(e: unknown): LogFields {
  if (e instanceof Error) return { error: e.message, errorName: e.name, stack: e.stack };
  return { error: String(e) };
}

export function logFormat(env: NodeJS.ProcessEnv = process.env): "json" | "text" {
  const f = (env.LOG_FORMAT ?? "").toLowerCase();
  if (f === "json" || f === "text") return f;
  return env.NODE_ENV === "production" ? "json" : "text";
}

/** The line written for one event (exported for tests). */
export function formatLogLine(
  level: LogLevel,
  msg: string,
  fields: LogFields,
  format: "json" | "text",
  now = new Date(),
): string {
  const normalised: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (k === "err") Object.assign(normalised, errorFields(v));
    else normalised[k] = typeof v === "bigint" ? v.toString() : v;
  }
  if (format === "json") {
    return JSON.stringify({ time: now.toISOString(), level, msg, ...normalised });
  }
  const rest = Object.entries(normalised)
    .filter(([k]) => k !== "stack")
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  const stack = typeof normalised.stack === "string" ? `\n${normalised.stack}` : "";
  return `${now.toISOString()} ${level.toUpperCase()} ${msg}${rest ? ` ${rest}` : ""}${stack}`;
}

/** Writes through `console` (info → stdout, warn/error → stderr), so test guards on console.error still see errors. */
export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
  const line = formatLogLine(level, msg, fields, logFormat());
  if (level === "info") console.log(line);
  else if (level === "warn") console.warn(line);
  else console.error(line);
}
