import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const page = (method: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest("http://rectify.test/problems", { method, headers: { host: "rectify.test", ...headers } }));

describe("proxy (every page)", () => {
  // TRACE cannot even be built as a fetch Request: scripts/serve.ts answers it (405) before Next; the browser test checks it.
  it("methods a page never takes → 405, not 500", () => {
    for (const m of ["PUT", "DELETE", "PATCH", "OPTIONS"]) expect(page(m).status, m).toBe(405);
  });

  it("a cross-origin form post to a page → 403; a plain same-origin form post (no server action) → 405", () => {
    expect(page("POST", { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }).status).toBe(
      403,
    );
    expect(page("POST", { origin: "null" }).status).toBe(403);
    expect(page("POST", { "sec-fetch-site": "cross-site", "next-action": "abc" }).status).toBe(403);
    expect(
      page("POST", { origin: "https://evil.example", "x-forwarded-host": "evil.example", "next-action": "abc" }).status,
    ).toBe(403);
    expect(page("POST", { origin: "http://rectify.test" }).status).toBe(405);
  });

  it("a same-origin server action passes through", () => {
    const r = page("POST", { origin: "http://rectify.test", "next-action": "abc" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-middleware-next")).toBe("1");
  });

  it("every page gets a CSP with a fresh nonce (no unsafe-inline scripts, no framing) and the Permissions-Policy", () => {
    const a = page("GET");
    const b = page("GET");
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce?.length).toBeGreaterThanOrEqual(22);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Next reads the nonce from the request's own CSP header.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const permissions = a.headers.get("permissions-policy") ?? "";
    expect(permissions).toContain("camera=(self)");
    expect(permissions).toContain("geolocation=(self)");
    expect(permissions).toContain("microphone=()");
  });
});
