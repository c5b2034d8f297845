import { NextRequest } from "next/server";
import { POST as createSession } from "@/app/api/v1/session/route";

/** A Next route handler as exported by `app/api/v1/**\/route.ts`. */
export type RouteHandler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

export type CallOptions = {
  token?: string | null;
  /** Sent as JSON with `content-type: application/json`, unless `raw` is given. */
  json?: unknown;
  /** Sent verbatim (with `contentType`, default application/json). */
  raw?: string;
  contentType?: string | null;
  params?: Record<string, string>;
  headers?: Record<string, string>;
};

export type ApiResult = { status: number; headers: Headers; text: string; body: unknown };

/** The `{ error: { … } }` body every failed call answers with. */
export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]>; current?: unknown } };

/** Calls a route handler the way Next would: a NextRequest plus a `params` promise. */
export async function call(handler: unknown, method: string, path: string, opts: CallOptions = {}): Promise<ApiResult> {
  const headers = new Headers(opts.headers);
  if (opts.token !== undefined && opts.token !== null) headers.set("authorization", `Bearer ${opts.token}`);
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (body !== undefined && opts.contentType !== null) headers.set("content-type", opts.contentType ?? "application/json");
  const req = new NextRequest(`http://localhost/api/v1${path}`, { method, headers, body });
  const res = await (handler as RouteHandler)(req, { params: Promise.resolve(opts.params ?? {}) as Promise<never> });
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export function errorOf(r: ApiResult): ErrorBody["error"] {
  return (r.body as ErrorBody).error;
}

/** A real sign-in through POST /session; returns the bearer token. */
export async function signInToken(username: string, password: string): Promise<string> {
  const r = await call(createSession, "POST", "/session", { json: { username, password } });
  if (r.status !== 201) throw new Error(`sign-in of ${username} failed: ${r.status} ${r.text}`);
  return (r.body as { token: string }).token;
}

/** What a response must never reveal: ORM names, SQL or a stack trace. */
export function leaksInternals(text: string): boolean {
  return /prisma/i.test(text) || /\bSELECT\b/.test(text) || /\n\s+at\s/.test(text) || /\.ts:\d+/.test(text);
}
