import { trustedProxyHops } from "./request-meta";

function lastEntry(value: string | null): string | null {
  const parts = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return parts[parts.length - 1] ?? null;
}

/**
 * Why a browser write is cross-site, or null when it is not (CSRF): `Sec-Fetch-Site: cross-site`,
 * or an `Origin` (including `null`) whose host is not this server's. The server's host is the
 * `Host` header; `X-Forwarded-Host` counts only when `TRUST_PROXY` says a proxy of ours sets it.
 * A request without `Origin` (not a browser's cross-site write) passes.
 */
export function crossOriginReason(headers: Headers): string | null {
  if (headers.get("sec-fetch-site") === "cross-site") return "Cross-site request refused";
  const origin = headers.get("origin");
  if (origin === null) return null;
  const forwardedHost = trustedProxyHops() > 0 ? lastEntry(headers.get("x-forwarded-host")) : null;
  const host = forwardedHost ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  return !originHost || originHost !== host ? "Cross-origin request refused" : null;
}
