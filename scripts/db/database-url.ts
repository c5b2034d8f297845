import { type EmbeddedDb, startEmbeddedDb } from "../../lib/embedded-db";

/** DATABASE_URL when set; otherwise the project's embedded PostgreSQL (data under .data/<EMBEDDED_PG_DIR or pg>). */
export async function resolveDatabaseUrl(): Promise<{ url: string; embedded: EmbeddedDb | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const embedded = await startEmbeddedDb({ name: process.env.EMBEDDED_PG_DIR ?? "pg", port, database: "rectify" });
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, embedded };
}
