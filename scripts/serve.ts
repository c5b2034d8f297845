/**
 * The HTTP server entry `scripts/start.ts` runs (production and `--dev`): Next.js through its
 * programmatic API behind a plain Node server that, before Next sees a request,
 *
 * - stamps the client's address from the socket (`x-rectify-client-address`, any copy sent by the
 *   client removed; `TRUST_PROXY` = how many of our own proxies to walk back in X-Forwarded-For).
 *   Next itself only fills X-Forwarded-For when the client sent none, so without this a made-up
 *   header would be taken for the client's address (see lib/auth/request-meta.ts);
 * - answers TRACE, TRACK and CONNECT with 405 instead of passing them on;
 * - gives every request an id (`x-rectify-request-id`, any copy sent by the client replaced; sent
 *   back as `X-Request-Id`), times it into the metrics (`/api/metrics`) and writes one structured
 *   log line per request outside Next's static files (`ACCESS_LOG=0` turns those lines off).
 *
 *   PORT=3000 tsx scripts/serve.ts [--dev]
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { stampClientAddress, trustedProxyHops } from "../lib/auth/request-meta";
import { log } from "../lib/ops/log";
import { observeRequest } from "../lib/ops/metrics";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hops = trustedProxyHops();
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const accessLog = process.env.ACCESS_LOG !== "0";

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) {
    res.writeHead(405, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", "Content-Length": "0" }).end();
    return;
  }
  stampClientAddress(req.headers, req.socket.remoteAddress, hops);
  const requestId = randomUUID();
  req.headers["x-rectify-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = performance.now();
  res.on("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    observeRequest(pathname, req.method ?? "GET", res.statusCode, seconds);
    if (accessLog && !pathname.startsWith("/_next/")) {
      log(res.statusCode >= 500 ? "error" : "info", "request", {
        requestId,
        method: req.method,
        path: pathname,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
      });
    }
  });
  void handle(req, res);
}).listen(port, () => {
  log("info", `Ready on http://localhost:${port}`, { port, trustedProxyHops: hops });
});
