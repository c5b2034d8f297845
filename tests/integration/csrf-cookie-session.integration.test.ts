import { describe, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { DELETE as signOut } from "@/app/api/v1/session/route";
import { db } from "@/lib/db";
import { createUser } from "../factories";
import { call } from "../support/api";
import { browserCookie, withCookie } from "../support/cookie-session";

// A real browser session: next-auth's own JWT cookie naming a session row (tests/support/cookie-session.ts).
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);

async function browserSession(role: "COORDINATOR" | "VIEWER" = "COORDINATOR") {
  const user = await createUser(db, { role });
  return { user, ...(await browserCookie(user.id)) };
}

describe("CSRF with a real cookie session", () => {
  it("the cookie alone signs the browser in (so a 403 below is the CSRF check, not a missing session)", async () => {
    const s = await browserSession();
    const r = await withCookie(s.cookie, () => call(me, "GET", "/me", { headers: { host: "localhost" } }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ username: s.user.username });
    expect((await withCookie("", () => call(me, "GET", "/me"))).status).toBe(401);
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example", host: "localhost" }],
    ["Origin: null", { origin: "null", host: "localhost" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", host: "localhost" }],
    [
      "a foreign Origin matched by a made-up X-Forwarded-Host",
      { origin: "https://evil.example", host: "localhost", "x-forwarded-host": "evil.example" },
    ],
  ])("%s → 403 and nothing changes", async (_label, headers) => {
    const s = await browserSession();
    const r = await withCookie(s.cookie, () => call(signOut, "DELETE", "/session", { headers }));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: { code: "FORBIDDEN" } });
    const row = await db.session.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(row.revokedAt).toBeNull();
  });

  it("the same write from this origin goes through", async () => {
    const s = await browserSession();
    const r = await withCookie(s.cookie, () =>
      call(signOut, "DELETE", "/session", { headers: { origin: "http://localhost", host: "localhost" } }),
    );
    expect(r.status).toBe(204);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.sessionId } })).revokedAt).not.toBeNull();
  });

  it("X-Forwarded-Host counts only when TRUST_PROXY says a proxy of ours sets it", async () => {
    const s = await browserSession();
    process.env.TRUST_PROXY = "1";
    try {
      const r = await withCookie(s.cookie, () =>
        call(signOut, "DELETE", "/session", {
          headers: {
            origin: "https://rectify.example.gov.cn",
            host: "10.0.0.7:3000",
            "x-forwarded-host": "rectify.example.gov.cn",
          },
        }),
      );
      expect(r.status).toBe(204);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});
