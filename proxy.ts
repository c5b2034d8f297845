import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from "./lib/auth/page-security";
import { crossOriginReason } from "./lib/auth/same-origin";

const PAGE_METHODS = new Set(["GET", "HEAD", "POST"]);

/**
 * Runs before every page (not /api, not Next's static files):
 *
 * - refuses what a page never takes: methods other than GET/HEAD/POST (TRACE…) → 405, a POST that
 *   is not a server action (no `Next-Action` header, e.g. a plain form post) → 405, and a POST
 *   from another site → 403 — cleanly, instead of Next's 500;
 * - sets the Content-Security-Policy with a fresh nonce (also on the request, where Next reads the
 *   nonce for its own scripts, and as `x-nonce`) and the Permissions-Policy;
 * - passes the requested path on to the server components, so a signed-out visitor who opens a
 *   deep link returns to it after signing in.
 *
 * Authorization never happens here: every page and use case checks the session itself.
 */
export function proxy(request: NextRequest) {
  const method = request.method.toUpperCase();
  if (!PAGE_METHODS.has(method)) {
    return new NextResponse(null, { status: 405, headers: { Allow: "GET, HEAD, POST" } });
  }
  if (method === "POST") {
    const reason = crossOriginReason(request.headers);
    if (reason) return NextResponse.json({ error: { code: "FORBIDDEN", message: reason } }, { status: 403 });
    if (!request.headers.has("next-action")) {
      return new NextResponse(null, { status: 405, headers: { Allow: "GET, HEAD" } });
    }
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  return response;
}

export const config = {
  // The manifest, robots.txt and the home-screen icons are public files: served to anyone, no session, no page headers.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|manifest.webmanifest|robots.txt|icons/).*)"],
};
