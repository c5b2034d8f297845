import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsModule from "next-auth/providers/credentials";
import { cache } from "react";
import { isAppError, TooManyRequests } from "../errors";
import type { Actor } from "../permissions";
import { signIn } from "../server/auth/sign-in";
import { signOutSessionId } from "../server/auth/sign-out";
import { clientIp } from "./request-meta";
import { actorFromSessionId, SESSION_TTL_SECONDS } from "./sessions";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** The provider factory; outside Next's bundler (scripts under Node's own loader) CommonJS `exports.default` arrives one level deeper. */
const Credentials = (CredentialsModule as unknown as { default?: typeof CredentialsModule }).default ?? CredentialsModule;

/** Error text next-auth passes back to the login page when sign-in is throttled. */
export const THROTTLED_PREFIX = "THROTTLED:";

/**
 * next-auth carries only a session id in its JWT cookie; the session row in the database is the
 * truth, so logout, deactivation and role change end a browser session on the next request.
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_TTL_SECONDS.WEB },
  jwt: { maxAge: SESSION_TTL_SECONDS.WEB },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const headers = new Headers(req.headers as Record<string, string>);
        try {
          const result = await signIn(
            { username: credentials?.username ?? "", password: credentials?.password ?? "" },
            { kind: "WEB", ip: clientIp(headers), userAgent: headers.get("user-agent") },
          );
          return { id: result.userId, sid: result.sessionId };
        } catch (e) {
          if (e instanceof TooManyRequests) throw new Error(`${THROTTLED_PREFIX}${e.retryAfterSeconds}`);
          if (isAppError(e)) return null;
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await signOutSessionId(token.sid);
    },
  },
};

/** next-auth's session cookie (the `__Secure-` form when the app runs on https). */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The person signed in through the browser for this request, or null (revoked sessions are null).
 * Reads next-auth's own JWT cookie (what `getServerSession` does for the JWT strategy) through
 * `next/headers`, so the same code runs in a test that sends a real session cookie.
 */
export const getCookieActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  return actorFromSessionId(typeof token?.sid === "string" ? token.sid : undefined);
});
