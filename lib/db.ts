import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";

/** One Prisma client per process (kept on globalThis so dev reloads and test files share it). */
const globalForDb = globalThis as unknown as { rectifyDb?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start` or `npm run dev`.");
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  return new PrismaClient({
    adapter,
    log: process.env.DEBUG_SQL ? ["query", "warn", "error"] : ["warn", "error"],
    // A write waits up to 10 s for a pooled connection (Prisma's 2 s made writes fail with 500 while
    // 50 readers held the pool: npm run bench:http); a transaction still ends after 5 s of work.
    transactionOptions: { maxWait: 10_000, timeout: 5_000 },
  });
}

export function getDb(): PrismaClient {
  globalForDb.rectifyDb ??= createClient();
  return globalForDb.rectifyDb;
}

/** Lazily created so that importing a module never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Prisma.TransactionClient;
export { Prisma };
