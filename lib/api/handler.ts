import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { getCookieActor } from "../auth/next-auth";
import { crossOriginReason } from "../auth/same-origin";
import { actorFromToken } from "../auth/sessions";
import {
  AppError,
  BadRequest,
  Forbidden,
  isAppError,
  PasswordChangeRequired,
  PayloadTooLarge,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
} from "../errors";
import { log } from "../ops/log";
import type { Actor } from "../permissions";
import type { Locale } from "../schemas/parse";
import { isDatabaseUnavailable } from "../server/ops/database-unavailable";

export type ApiContext<P> = {
  req: NextRequest;
  actor: Actor;
  params: P;
  requestId: string;
  locale: Locale;
  /** Set when the caller authenticated with a bearer token (not a browser cookie). */
  bearer: boolean;
};

type Handler<P> = (ctx: ApiContext<P>) => Promise<unknown>;
type PublicHandler<P> = (ctx: Omit<ApiContext<P>, "actor" | "bearer">) => Promise<unknown>;

/** The largest JSON body any /api/v1 route reads, in bytes. */
export const MAX_JSON_BYTES = 1_000_000;
/** The sign-in bodies (API and browser form) are small: refused beyond this many bytes. */
export const MAX_SIGN_IN_BYTES = 8 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The id the HTTP entry (scripts/serve.ts) gave this request, so log lines and the access log agree. */
function requestIdOf(req: NextRequest): string {
  const given = req.headers.get("x-rectify-request-id");
  return given && /^[0-9a-f-]{36}$/.test(given) ? given : randomUUID();
}

function localeOf(req: NextRequest): Locale {
  return (req.headers.get("accept-language") ?? "").toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function errorResponse(e: unknown, requestId: string): NextResponse {
  if (!isAppError(e) && isDatabaseUnavailable(e)) {
    log("warn", "database unavailable", { requestId, err: e });
    e = new ServiceUnavailable();
  }
  if (isAppError(e)) {
    const body: { error: Record<string, unknown> } = { error: { code: e.code, message: e.message } };
    if (e.fields) body.error.fields = e.fields;
    if (e.extra?.current !== undefined) body.error.current = e.extra.current;
    if (e.choices) {
      body.error.allowed = e.choices.allowed;
      body.error.missing = e.choices.missing;
    }
    const res = NextResponse.json(body, { status: e.status });
    if (e instanceof TooManyRequests || e instanceof ServiceUnavailable)
      res.headers.set("Retry-After", String(e.retryAfterSeconds));
    return res;
  }
  // Unexpected: log the detail on the server, give the client only a reference.
  log("error", "unexpected error", { requestId, err: e });
  return NextResponse.json(
    { error: { code: "INTERNAL", message: `Unexpected error; quote request id ${requestId}` } },
    { status: 500 },
  );
}

/** Cross-site browser writes are refused: the cookie alone must never be enough (CSRF). */
function assertSameOrigin(req: NextRequest): void {
  const reason = crossOriginReason(req.headers);
  if (reason) throw new Forbidden(reason);
}

async function resolveActor(req: NextRequest): Promise<{ actor: Actor | null; bearer: boolean }> {
  const auth = req.headers.get("authorization");
  if (auth !== null) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return { actor: m ? await actorFromToken(m[1]) : null, bearer: true };
  }
  return { actor: await getCookieActor(), bearer: false };
}

function finish(result: unknown, requestId: string, status: number): Response {
  const res =
    result instanceof Response
      ? result
      : result === undefined
        ? new NextResponse(null, { status: 204 })
        : NextResponse.json(result, { status });
  res.headers.set("X-Request-Id", requestId);
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
  return res;
}

/**
 * Wraps a /api/v1 handler: authentication (bearer or cookie), CSRF, error mapping, request id.
 * A person who must set a new password gets 403 PASSWORD_CHANGE_REQUIRED everywhere except the
 * routes marked `duringPasswordChange` (who am I, change my password, sign out).
 */
export function apiRoute<P = Record<string, never>>(
  handler: Handler<P>,
  opts: { status?: number; duringPasswordChange?: boolean } = {},
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const { actor, bearer } = await resolveActor(req);
      if (!actor) throw new Unauthorized();
      if (!bearer && !SAFE_METHODS.has(req.method)) assertSameOrigin(req);
      if (actor.mustChangePassword && !opts.duringPasswordChange) throw new PasswordChangeRequired();
      const params = (await context.params) ?? ({} as P);
      return finish(
        await handler({ req, actor, params, requestId, locale: localeOf(req), bearer }),
        requestId,
        opts.status ?? 200,
      );
    } catch (e) {
      return finish(errorResponse(e, requestId), requestId, 500);
    }
  };
}

/** A /api/v1 handler that needs no sign-in (session creation, the OpenAPI document). */
export function publicApiRoute<P = Record<string, never>>(handler: PublicHandler<P>, opts: { status?: number } = {}) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
      const params = (await context.params) ?? ({} as P);
      return finish(await handler({ req, params, requestId, locale: localeOf(req) }), requestId, opts.status ?? 200);
    } catch (e) {
      return finish(errorResponse(e, requestId), requestId, 500);
    }
  };
}

/**
 * Reads a request body counting BYTES as they stream in (chunked bodies included) and stops
 * reading at the first byte over `maxBytes` → 413. A declared Content-Length over the limit is
 * refused before any byte is read.
 */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new PayloadTooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads a JSON body: wrong content type, malformed JSON or invalid UTF-8 → 400, more than
 * `maxBytes` bytes (default 1 MB) → 413, counted while streaming and before parsing.
 */
export async function readJson(req: NextRequest, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new BadRequest("Send a JSON body with Content-Type: application/json");
  }
  const bytes = await readBodyBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest("The body is not valid UTF-8", { _: ["The body is not valid UTF-8"] });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest("Malformed JSON", { _: ["Malformed JSON"] });
  }
}

/** Query string → plain object (repeated keys keep the last value). */
export function queryObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

export { AppError };
