import "server-only";
import { timingSafeEqual } from "node:crypto";

export type MetricsAccess = "off" | "denied" | "granted";

/**
 * `/api/metrics` is off unless METRICS_TOKEN is set (at least 16 characters), and then answers
 * only `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
 */
export function metricsAccess(authorization: string | null, token = process.env.METRICS_TOKEN): MetricsAccess {
  if (!token || token.length < 16) return "off";
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!m?.[1]) return "denied";
  const given = Buffer.from(m[1]);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? "granted" : "denied";
}
