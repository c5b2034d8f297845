import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

/**
 * Real browser sessions for integration tests: next-auth's own JWT cookie, signed with the app's
 * secret, naming a WEB session row. A test file that uses it replaces the setup file's stand-in:
 *
 *   vi.unmock("@/lib/auth/next-auth");
 *   vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
 *
 * and sends the cookie with `withCookie(cookie, () => call(...))`.
 */
export const TEST_AUTH_SECRET = "integration-cookie-secret-0123456789";
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;

const jar = { cookie: "" };

function pairs(): [string, string][] {
  return jar.cookie
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p.includes("="))
    .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]);
}

/** The parts of `next/headers` the app reads, answering from the cookie of the current call. */
export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => {
      const hit = pairs().find(([n]) => n === name);
      return hit ? { name, value: hit[1] } : undefined;
    },
    getAll: () => pairs().map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers(jar.cookie ? { cookie: jar.cookie } : {}),
};

/** A signed-in browser: the `Cookie` header value of a fresh WEB session of `userId`. */
export async function browserCookie(userId: string): Promise<{ cookie: string; sessionId: string }> {
  const session = await db.$transaction((tx) => createSession(tx, userId, "WEB", {}));
  const token = await encode({ token: { sid: session.sessionId }, secret: process.env.AUTH_SECRET as string });
  return { cookie: `next-auth.session-token=${token}`, sessionId: session.sessionId };
}

/** Runs `work` as a request carrying `cookie`. */
export async function withCookie<T>(cookie: string, work: () => Promise<T>): Promise<T> {
  jar.cookie = cookie;
  try {
    return await work();
  } finally {
    jar.cookie = "";
  }
}
