import { isAppError } from "@/lib/errors";

/** Query-string helpers of the enforcement pages. */
export type Search = Promise<Record<string, string | string[] | undefined>>;
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** `base?k=v&…` without the empty values. */
export function withQuery(base: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * The page's filters from the query string: `query` every key (empty when absent, for the
 * form's defaults), `given` only those with a value (an untouched select is no filter at all).
 */
export async function readFilters<K extends string>(
  searchParams: Search,
  keys: readonly K[],
): Promise<{ params: Awaited<Search>; query: Record<K | "page", string>; given: Partial<Record<K | "page", string>> }> {
  const params = await searchParams;
  const query = Object.fromEntries([...keys, "page"].map((k) => [k, one(params[k])])) as Record<K | "page", string>;
  const given = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "")) as Partial<Record<K | "page", string>>;
  return { params, query, given };
}

/** A list read with the page's filters; a filter the list refuses (422) shows the unfiltered list instead of an error page. */
export function unfilteredOnBadFilter<T>(read: Promise<T>, unfiltered: () => Promise<T>): Promise<T> {
  return read.catch((e: unknown) => {
    if (isAppError(e) && e.status === 422) return unfiltered();
    throw e;
  });
}
