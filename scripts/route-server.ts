/**
 * A bare Node HTTP server that answers `/api/**` with the app's own route handlers
 * (app/api/**\/route.ts, matched the way Next matches folders, `[param]` segments included), for
 * the upload benchmark and the crash test: a real HTTP socket and a real streamed request body,
 * without a production build. Not for serving users — `npm start` does that.
 *
 *   PORT=3200 DATABASE_URL=… tsx scripts/route-server.ts
 */
// Before the route modules load (dynamically, below): lib/server is marked server-only.
import "./server-only-hook";
import { readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import { stampClientAddress, trustedProxyHops } from "../lib/auth/request-meta";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { segments: string[]; file: string };

const API_ROOT = path.join(process.cwd(), "app", "api");

function collectRoutes(dir: string, segments: string[] = []): Route[] {
  const out: Route[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...collectRoutes(full, [...segments, name]));
    else if (name === "route.ts") out.push({ segments, file: full });
  }
  return out;
}

/** Static segments win over `[param]` ones, as in Next. */
function match(routes: Route[], parts: string[]): { route: Route; params: Record<string, string> } | null {
  let best: { route: Route; params: Record<string, string>; dynamic: number } | null = null;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let dynamic = 0;
    const ok = route.segments.every((segment, i) => {
      const dyn = /^\[(\w+)\]$/.exec(segment);
      if (dyn) {
        params[dyn[1] as string] = decodeURIComponent(parts[i] as string);
        dynamic++;
        return true;
      }
      return segment === parts[i];
    });
    if (ok && (!best || dynamic < best.dynamic)) best = { route, params, dynamic };
  }
  return best;
}

const modules = new Map<string, Promise<Record<string, unknown>>>();
function load(file: string): Promise<Record<string, unknown>> {
  let m = modules.get(file);
  if (!m) {
    m = import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;
    modules.set(file, m);
  }
  return m;
}

export function startRouteServer(port: number): Promise<{ close: () => Promise<void> }> {
  const routes = collectRoutes(API_ROOT);
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const parts = url.pathname.split("/").filter(Boolean);
      const found = parts[0] === "api" ? match(routes, parts.slice(1)) : null;
      const handler = found ? ((await load(found.route.file))[req.method ?? "GET"] as Handler | undefined) : undefined;
      if (!found || !handler) {
        res.writeHead(404).end();
        return;
      }
      stampClientAddress(req.headers, req.socket.remoteAddress, trustedProxyHops());
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) for (const one of v) headers.append(k, one);
        else if (v !== undefined) headers.set(k, v);
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new NextRequest(url, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        ...(hasBody && { duplex: "half" }),
      } as ConstructorParameters<typeof NextRequest>[1]);
      const response = await handler(request, { params: Promise.resolve(found.params) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      if (!response.body) {
        res.end();
        return;
      }
      Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
    } catch (e) {
      console.error(e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve({ close: () => new Promise<void>((done) => server.close(() => done())) }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.PORT ?? 3200);
  await startRouteServer(port);
  console.log(`route server on http://127.0.0.1:${port}`);
}
