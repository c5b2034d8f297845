import pg from "pg";

/**
 * Prisma's JS schema engine rejects catalog columns of type `name` (OID 19) and `"char"` (OID 18)
 * (prisma/prisma#27403). Reporting them as `text` (OID 25) lets `migrate deploy` read the catalog.
 * Used by prisma.config.ts only; the app's own queries never select those types.
 */
const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function patchFields<T>(result: T): T {
  const r = result as QueryResultLike | QueryResultLike[];
  for (const one of Array.isArray(r) ? r : [r]) {
    for (const f of one?.fields ?? []) if (CATALOG_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
  }
  return result;
}

function patchClient(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { __catalogPatched?: boolean };
  if (marked.__catalogPatched) return client;
  const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args) =>
    patchFields(await original(...args));
  marked.__catalogPatched = true;
  return client;
}

export class CatalogSafePool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
    return (super.query as any).apply(this, args).then(patchFields);
  }
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  override connect(...args: any[]): any {
    const [callback] = args;
    if (typeof callback === "function") {
      return super.connect((err, client, release) => callback(err, client ? patchClient(client) : client, release));
    }
    return super.connect().then(patchClient);
  }
}
