import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverPending, MAX_DELIVERY_ATTEMPTS } from "@/lib/server/notifications/deliver-pending";
import { notify } from "@/lib/server/notifications/notify";
import { createUser, uniqueSuffix } from "../factories";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";
import { startWebhookSink, type WebhookSink } from "../support/webhook-sink";

/**
 * The outbox worker against real local endpoints: an SMTP server speaking to nodemailer and an
 * HTTP robot endpoint. Each test uses its own webhook path and recipients, so rows left by one
 * test never count in another.
 */
let smtp: SmtpSink;
let robot: WebhookSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  robot = await startWebhookSink();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "督办平台 <rectify@bureau.test>";
  process.env.NEXTAUTH_URL = "https://rectify.bureau.test";
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  delete process.env.WEBHOOK_URL;
  delete process.env.NEXTAUTH_URL;
  await smtp.close();
  await robot.close();
});

afterEach(() => {
  robot.delayMs = 0;
  robot.respond(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
});

async function notice(recipients: string[], title: string, webhookPath: string | null) {
  if (webhookPath) process.env.WEBHOOK_URL = robot.url(webhookPath);
  else delete process.env.WEBHOOK_URL;
  const key = uniqueSuffix();
  await db.$transaction((tx) =>
    notify(tx, {
      recipients,
      kind: "test.delivery",
      link: "/problems/00000000-0000-4000-8000-000000000001",
      dedupeKey: `delivery-test:${key}`,
      text: (locale) => (locale === "en" ? { title: `${title} (en)`, body: "English body" } : { title, body: "请及时处理。" }),
    }),
  );
  return db.notificationDelivery.findMany({ where: { notification: { dedupeKey: { startsWith: `delivery-test:${key}:` } } } });
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("sending the outbox", () => {
  it("e-mails go through SMTP to each recipient's address, in their language, with the link", async () => {
    const zh = await createUser(db, { role: "DIVISION_HEAD", email: `zh-${uniqueSuffix()}@bureau.test` });
    const en = await createUser(db, { role: "DIVISION_HEAD", email: `en-${uniqueSuffix()}@bureau.test`, locale: "en" });
    const rows = await notice([zh.id, en.id], "红牌督办：WX-2031-001", null);
    expect(rows.map((r) => r.channel)).toEqual(["EMAIL", "EMAIL"]);

    const run = await deliverPending();
    expect(run.sent).toBeGreaterThanOrEqual(2);
    const toZh = smtp.messages.find((m) => m.to.includes(zh.email as string));
    const toEn = smtp.messages.find((m) => m.to.includes(en.email as string));
    expect(toZh?.from).toBe("rectify@bureau.test");
    expect(toZh?.subject).toBe("红牌督办：WX-2031-001");
    expect(toZh?.text).toContain("请及时处理。");
    expect(toZh?.text).toContain("查看详情：https://rectify.bureau.test/problems/00000000-0000-4000-8000-000000000001");
    expect(toEn?.subject).toBe("红牌督办：WX-2031-001 (en)");
    expect(toEn?.text).toContain("Details: https://rectify.bureau.test/problems/");

    const after = await db.notificationDelivery.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(after.every((d) => d.status === "SENT" && d.attempts === 1 && d.sentAt !== null && d.lastError === null)).toBe(true);
    const again = await deliverPending();
    expect(smtp.messages.filter((m) => m.to.includes(zh.email as string))).toHaveLength(1);
    expect(again.sent).toBe(0);
  });

  it("the webhook gets one robot text message per notice", async () => {
    const a = await createUser(db, { role: "DIVISION_HEAD", email: null });
    const b = await createUser(db, { role: "DIVISION_HEAD", email: null });
    const rows = await notice([a.id, b.id], "黄牌督办：WX-2031-002", "/robot-ok");
    expect(rows.map((r) => r.channel)).toEqual(["WEBHOOK"]);
    await deliverPending();
    const received = robot.requests.filter((r) => r.path === "/robot-ok");
    expect(received).toHaveLength(1);
    expect(received[0]?.contentType).toContain("application/json");
    expect(received[0]?.body).toEqual({
      msgtype: "text",
      text: {
        content:
          "黄牌督办：WX-2031-002\n请及时处理。\n\n查看详情：https://rectify.bureau.test/problems/00000000-0000-4000-8000-000000000001",
      },
    });
    expect((await db.notificationDelivery.findUniqueOrThrow({ where: { id: rows[0]?.id } })).status).toBe("SENT");
  });

  it("a failing webhook is retried after a growing pause and given up after the last attempt", async () => {
    robot.respond((r) => (r.path === "/robot-down" ? { status: 500, body: "upstream down" } : { status: 200, body: "{}" }));
    const user = await createUser(db, { role: "DIVISION_HEAD", email: null });
    const [row] = await notice([user.id], "督办：500", "/robot-down");
    const id = row?.id as string;
    const hits = () => robot.requests.filter((r) => r.path === "/robot-down").length;

    await deliverPending();
    let d = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(d.lastError).toContain("500");
    expect(d.lastError).toContain("upstream down");

    await deliverPending();
    expect(hits()).toBe(1); // not due again yet: the next try waits a minute
    for (const [at, attempts] of [
      [2, 2],
      [4, 3],
      [8, 4],
    ] as const) {
      await deliverPending({ now: minutes(at) });
      d = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
      expect(d).toMatchObject({ status: "PENDING", attempts });
    }
    await deliverPending({ now: minutes(16) });
    d = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(hits()).toBe(MAX_DELIVERY_ATTEMPTS);
    await deliverPending({ now: minutes(600) });
    expect(hits()).toBe(MAX_DELIVERY_ATTEMPTS);
  });

  it("a robot that answers 200 with a non-zero errcode counts as a failure", async () => {
    robot.respond((r) =>
      r.path === "/robot-refuses"
        ? { status: 200, body: '{"errcode":310000,"errmsg":"keywords not in content"}' }
        : { status: 200, body: "{}" },
    );
    const user = await createUser(db, { role: "DIVISION_HEAD", email: null });
    const [row] = await notice([user.id], "督办：关键词", "/robot-refuses");
    await deliverPending();
    const d = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row?.id } });
    expect(d).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(d.lastError).toContain("310000");
  });

  it("an unreachable SMTP server is a failure kept on the row, not a crash", async () => {
    const user = await createUser(db, { role: "DIVISION_HEAD", email: `down-${uniqueSuffix()}@bureau.test` });
    const rows = await notice([user.id], "督办：SMTP", null);
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      await deliverPending();
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    const d = await db.notificationDelivery.findUniqueOrThrow({ where: { id: rows[0]?.id } });
    expect(d).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(d.lastError).toMatch(/ECONNREFUSED|connect/i);
    await deliverPending({ now: minutes(2) });
    expect((await db.notificationDelivery.findUniqueOrThrow({ where: { id: rows[0]?.id } })).status).toBe("SENT");
    expect(smtp.messages.filter((m) => m.to.includes(user.email as string))).toHaveLength(1);
  });

  it("two workers at once never send the same copy twice", async () => {
    robot.delayMs = 100;
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser(db, { role: "DIVISION_HEAD", email: null })));
    const ids: string[] = [];
    for (const [i, p] of people.entries()) ids.push(...(await notice([p.id], `并发${i}`, "/robot-busy")).map((r) => r.id));
    expect(ids).toHaveLength(12);
    const [a, b] = await Promise.all([deliverPending(), deliverPending()]);
    const received = robot.requests.filter((r) => r.path === "/robot-busy");
    expect(received).toHaveLength(12);
    const contents = received.map((r) => (r.body as { text: { content: string } }).text.content);
    expect(new Set(contents).size).toBe(12);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(12);
    const rows = await db.notificationDelivery.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});
