import { afterAll, inject, vi } from "vitest";

// lib/db.ts reads the URL lazily, on the first query; set it before any test touches the database.
process.env.DATABASE_URL = inject("databaseUrl");

// Browser (cookie) sessions need a live Next request; here every caller is anonymous or uses a
// bearer token, so a request without an Authorization header simply has no cookie session.
vi.mock("@/lib/auth/next-auth", () => ({ getCookieActor: async () => null }));

afterAll(async () => {
  const holder = globalThis as { rectifyDb?: { $disconnect: () => Promise<void> } };
  await holder.rectifyDb?.$disconnect();
  holder.rectifyDb = undefined;
});
