import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { clockNow } from "../../clock";
import { db, Prisma } from "../../db";
import type { Locale } from "../../schemas/parse";
import { openLinkText } from "./notice-text";
import { localeOfUser } from "./notify";

/** A copy that failed this many times is given up (FAILED) and shown as such. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const BATCH = 20;
const SEND_TIMEOUT_MS = 15_000;

export type DeliveryRun = { sent: number; retrying: number; failed: number };

type Claimed = {
  id: string;
  channel: "EMAIL" | "WEBHOOK";
  target: string;
  attempts: number;
  title: string;
  body: string;
  link: string | null;
  locale: string;
};

let mailer: { url: string; transport: Transporter } | null = null;

function mailTransport(url: string): Transporter {
  if (mailer?.url !== url) {
    mailer = {
      url,
      transport: nodemailer.createTransport(url),
    };
  }
  return mailer.transport;
}

function absoluteUrl(link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  const base = process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
  return new URL(link, base).toString();
}

function messageText(d: Claimed, locale: Locale): string {
  return d.link ? `${d.body}\n\n${openLinkText(locale, absoluteUrl(d.link))}` : d.body;
}

async function sendEmail(d: Claimed, locale: Locale): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  const transport = mailTransport(url);
  await transport.sendMail({
    from: process.env.SMTP_FROM || "整改督办平台 <noreply@localhost>",
    to: d.target,
    subject: d.title,
    text: messageText(d, locale),
  });
}

/** A DingTalk / WeCom group robot: POST `{msgtype: "text", text: {content}}`; both answer `errcode` 0 on success. */
async function sendWebhook(d: Claimed, locale: Locale): Promise<void> {
  const res = await fetch(d.target, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ msgtype: "text", text: { content: `${d.title}\n${messageText(d, locale)}` } }),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} ${text.slice(0, 200)}`);
  let answer: unknown = null;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = null;
  }
  const errcode = (answer as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode === "number" && errcode !== 0) throw new Error(`robot refused: ${text.slice(0, 200)}`);
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replaceAll("\u0000", "").slice(0, 1000);
}

/**
 * Sends the pending e-mail and webhook copies (the outbox written by `notify`). Each run tries each
 * due copy once: sent → SENT; failed → attempts + 1 and the error kept, retried after a growing
 * pause (1, 3, 7, 15 minutes after creation), FAILED after `MAX_DELIVERY_ATTEMPTS`. Rows are
 * claimed with `FOR UPDATE SKIP LOCKED` and released only with their new status, so two workers
 * never send the same copy.
 */
export async function deliverPending(opts: { now?: Date } = {}): Promise<DeliveryRun> {
  const now = opts.now ?? clockNow();
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
  const seen: string[] = [];
  for (;;) {
    const claimed = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Claimed[]>`
          SELECT d.id, d.channel::text AS channel, d.target, d.attempts, n.title, n.body, n.link, u.locale
          FROM "NotificationDelivery" d
          JOIN "Notification" n ON n.id = d."notificationId"
          JOIN "User" u ON u.id = n."userId"
          WHERE d.status = 'PENDING'
            AND d."createdAt" + (power(2, d.attempts) - 1) * interval '1 minute' <= ${now.toISOString()}::timestamp
            AND NOT (d.id = ANY(${seen}::uuid[]))
          ORDER BY d."createdAt", d.id
          LIMIT ${BATCH}
          FOR UPDATE OF d SKIP LOCKED`;
        const outcomes = await Promise.all(
          rows.map(async (d) => {
            const locale = localeOfUser(d.locale);
            try {
              await (d.channel === "EMAIL" ? sendEmail(d, locale) : sendWebhook(d, locale));
              return { d, error: null };
            } catch (e) {
              return { d, error: errorText(e) };
            }
          }),
        );
        for (const { d, error } of outcomes) {
          const attempts = d.attempts + 1;
          if (error === null) {
            await tx.notificationDelivery.update({
              where: { id: d.id },
              data: { status: "SENT", attempts, sentAt: new Date(), lastError: null },
            });
            run.sent++;
          } else {
            const failed = attempts >= MAX_DELIVERY_ATTEMPTS;
            await tx.notificationDelivery.update({
              where: { id: d.id },
              data: { status: failed ? "FAILED" : "PENDING", attempts, lastError: error },
            });
            if (failed) run.failed++;
            else run.retrying++;
          }
        }
        return rows.map((r) => r.id);
      },
      {
        maxWait: 10_000,
        timeout: BATCH * SEND_TIMEOUT_MS + 30_000,
        isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
      },
    );
    if (claimed.length === 0) return run;
    seen.push(...claimed);
  }
}
