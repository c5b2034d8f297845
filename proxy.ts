import { type NextRequest, NextResponse } from "next/server";

/**
 * Only passes the requested path on to the server components, so a signed-out visitor who opens
 * a deep link returns to it after signing in. Authorization never happens here: every page and
 * use case checks the session itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|login).*)"],
};
