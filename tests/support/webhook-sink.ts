import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * A local HTTP endpoint standing in for a group robot (DingTalk / WeCom) in tests: it records every
 * request and answers with what `respond` says (default 200 `{"errcode":0}`), after `delayMs`.
 */
export type WebhookRequest = { path: string; contentType: string; body: unknown };

export type WebhookSink = {
  url: (path?: string) => string;
  requests: WebhookRequest[];
  respond: (fn: (req: WebhookRequest) => { status: number; body: string }) => void;
  delayMs: number;
  close: () => Promise<void>;
};

export async function startWebhookSink(): Promise<WebhookSink> {
  let responder = (_req: WebhookRequest) => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
  const sink: WebhookSink = {
    url: () => "",
    requests: [],
    respond: (fn) => {
      responder = fn;
    },
    delayMs: 0,
    close: async () => {},
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      const recorded = { path: req.url ?? "/", contentType: req.headers["content-type"] ?? "", body };
      sink.requests.push(recorded);
      const answer = responder(recorded);
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body);
      }, sink.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("webhook sink has no port");
  sink.url = (path = "/robot") => `http://127.0.0.1:${address.port}${path}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return sink;
}
