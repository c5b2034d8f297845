/**
 * The client's address for throttling and the audit trail.
 *
 * Next's own server only fills `X-Forwarded-For` with the socket address when the client did not
 * send one, so a route handler cannot tell a made-up header from a real one. Our server entry
 * (`scripts/serve.ts`, started by `npm start`, and `scripts/route-server.ts`) therefore removes
 * any client-supplied `x-rectify-client-address` and sets it from the socket, walking back
 * `TRUST_PROXY` hops of `X-Forwarded-For` when the app runs behind our own reverse proxies.
 */
export const CLIENT_ADDRESS_HEADER = "x-rectify-client-address";

/** `TRUST_PROXY`: how many reverse proxies of ours stand in front of the app (0 = none; `true` is read as 1). */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (!value) return 0;
  if (value.toLowerCase() === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/**
 * The address of the client: the socket's peer with no trusted proxy; behind `hops` proxies of
 * ours, the address the outermost of them appended — the `hops`-th `X-Forwarded-For` entry
 * counted from the right. Entries further left were written by the client and are never used.
 */
export function clientAddressOf(
  socketAddress: string | null | undefined,
  forwardedFor: string | string[] | null | undefined,
  hops: number,
): string | null {
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  chain.push(socketAddress ?? "");
  const picked = chain[chain.length - 1 - hops] ?? chain[0];
  return normaliseAddress(picked);
}

function normaliseAddress(address: string | undefined): string | null {
  if (!address) return null;
  const a = address.startsWith("::ffff:") ? address.slice(7) : address;
  return a.slice(0, 64);
}

/** Node request headers (mutated in place): the client's copy removed, ours set from the socket. */
export function stampClientAddress(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | null | undefined,
  hops = trustedProxyHops(),
): void {
  delete headers[CLIENT_ADDRESS_HEADER];
  const address = clientAddressOf(socketAddress, headers["x-forwarded-for"], hops);
  if (address) headers[CLIENT_ADDRESS_HEADER] = address;
}

/** The address our server entry stamped on the request; null when there is none (never a client header). */
export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER);
}
