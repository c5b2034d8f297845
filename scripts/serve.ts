/**
 * The HTTP server entry `scripts/start.ts` runs (production and `--dev`): Next.js through its
 * programmatic API behind a plain Node server that, before Next sees a request,
 *
 * - stamps the client's address from the socket (`x-rectify-client-address`, any copy sent by the
 *   client removed; `TRUST_PROXY` = how many of our own proxies to walk back in X-Forwarded-For).
 *   Next itself only fills X-Forwarded-For when the client sent none, so without this a made-up
 *   header would be taken for the client's address (see lib/auth/request-meta.ts);
 * - answers TRACE, TRACK and CONNECT with 405 instead of passing them on.
 *
 *   PORT=3000 tsx scripts/serve.ts [--dev]
 */
import { createServer } from "node:http";
import next from "next";
import { stampClientAddress, trustedProxyHops } from "../lib/auth/request-meta";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hops = trustedProxyHops();
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) {
    res.writeHead(405, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", "Content-Length": "0" }).end();
    return;
  }
  stampClientAddress(req.headers, req.socket.remoteAddress, hops);
  void handle(req, res);
}).listen(port, () => {
  console.log(`Ready on http://localhost:${port}${hops ? ` (trusting ${hops} proxy hop(s))` : ""}`);
});
