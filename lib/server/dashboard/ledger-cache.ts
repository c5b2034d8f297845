import "server-only";
import { db } from "../../db";

/**
 * Results read from the whole ledger, kept in this process while the ledger version is unchanged.
 *
 * The version (`LedgerVersion`, one row) is the id of the last committed transaction that wrote a
 * problem, a progress report or a co-unit — database triggers write it at commit, so no write path
 * (use case, job, import, raw SQL) can skip it. A result is stored under the version read IN THE
 * SAME STATEMENT as its data (one snapshot), and served only while a fresh read of the version
 * still equals it: a committed write changes the version and the next read computes again. No
 * version row (a database never written, or just truncated) → never cached.
 *
 * The key is the exact query (text and parameters), so the scope, the Shanghai day and the
 * settings a result was computed with are part of it: a new day is a new key. Concurrent misses
 * for the same key and version share one computation. At most `MAX_ENTRIES` keys are kept.
 */
const MAX_ENTRIES = 200;

type Entry = { version: bigint; value: unknown };
type State = {
  entries: Map<string, Entry>;
  inflight: Map<string, { version: bigint | null; value: Promise<unknown> }>;
  counters: { hits: number; misses: number; shared: number };
};

// On globalThis: Next's bundles (pages, route handlers) may load this module more than once in one
// process; they share one cache and one set of counters (read by /api/metrics).
const KEY = Symbol.for("rectify.ledgerCache");
function state(): State {
  const g = globalThis as { [KEY]?: State };
  g[KEY] ??= { entries: new Map(), inflight: new Map(), counters: { hits: 0, misses: 0, shared: 0 } };
  return g[KEY];
}

/**
 * Since the process started (or the last `clearLedgerCache`): hits (served from the cache),
 * misses (computed), shared (a miss that waited for the same computation already running).
 */
export function ledgerCacheStats(): { hits: number; misses: number; shared: number; entries: number } {
  const { counters, entries } = state();
  return { ...counters, entries: entries.size };
}

export function clearLedgerCache(): void {
  const s = state();
  s.entries.clear();
  s.inflight.clear();
  Object.assign(s.counters, { hits: 0, misses: 0, shared: 0 });
}

/** The committed ledger version now, or null when none is recorded. */
export async function readLedgerVersion(): Promise<bigint | null> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "LedgerVersion" WHERE "id" = 1`;
  return rows[0]?.version ?? null;
}

/**
 * The cached value for `key` when the ledger has not changed since it was computed; otherwise
 * `compute()`, which returns the value and the version its own statement saw (null: do not keep).
 */
export async function cachedByLedgerVersion<T>(
  key: string,
  compute: () => Promise<{ value: T; version: bigint | null }>,
): Promise<T> {
  const { entries, inflight, counters } = state();
  const now = await readLedgerVersion();
  const hit = entries.get(key);
  if (now !== null && hit && hit.version === now) {
    counters.hits++;
    return hit.value as T;
  }
  const running = inflight.get(key);
  if (running && running.version === now) {
    counters.shared++;
    return (await running.value) as T;
  }
  counters.misses++;
  const value = compute().then(({ value, version }) => {
    if (version !== null) {
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    }
    return value;
  });
  inflight.set(key, { version: now, value });
  try {
    return await value;
  } finally {
    if (inflight.get(key)?.value === value) inflight.delete(key);
  }
}
