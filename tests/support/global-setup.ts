import type { TestProject } from "vitest/node";
import { type EmbeddedDb, startEmbeddedDb } from "../../lib/embedded-db";
import { runPrisma } from "../../scripts/db/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * The integration suite's database. `TEST_DATABASE_URL`, else `DATABASE_URL` (CI's own Postgres),
 * else a fresh embedded PostgreSQL on port `TEST_PG_PORT` (54330; `.data/pg-test`), never the dev database.
 * The migrations are applied first; the URL reaches the workers through `inject("databaseUrl")`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let embedded: EmbeddedDb | null = null;
  if (!external) {
    embedded = await startEmbeddedDb({
      name: "pg-test",
      port: Number(process.env.TEST_PG_PORT || 54330),
      database: "rectify_test",
      fresh: true,
    });
  }
  const url = external || (embedded as EmbeddedDb).url;
  try {
    runPrisma(["migrate", "deploy"], url, { capture: true });
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  project.provide("databaseUrl", url);
  return async () => {
    await embedded?.stop();
  };
}
