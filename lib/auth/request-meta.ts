/**
 * The client's address for throttling and the audit trail. X-Forwarded-For is only trusted when
 * TRUST_PROXY=1 (behind the bureau's reverse proxy); otherwise Next's own header is used.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return headers.get("x-real-ip");
  const hops = forwarded
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Next appends the socket address last; a proxy we trust puts the client first.
  return (process.env.TRUST_PROXY === "1" ? hops[0] : hops[hops.length - 1]) ?? null;
}
