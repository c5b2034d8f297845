import "server-only";

/**
 * Whether an error means "the database can't be reached right now" (down, restarting, the
 * connection cut) rather than a fault of the request or the code: such requests are answered 503
 * with Retry-After, and the pool reconnects by itself once the server is back.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const DRIVER_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);
const MESSAGES =
  /can't reach database server|connection terminated|connection refused|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|server closed the connection unexpectedly|connection ended unexpectedly/i;

export function isDatabaseUnavailable(e: unknown): boolean {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current; depth++) {
    const o = current as { code?: unknown; message?: unknown; cause?: unknown; errno?: unknown };
    if (typeof o.code === "string" && (PRISMA_CODES.has(o.code) || DRIVER_CODES.has(o.code))) return true;
    if (typeof o.message === "string" && MESSAGES.test(o.message)) return true;
    current = o.cause;
  }
  return false;
}
