import "server-only";
import type { NotificationChannel } from "@prisma/client";
import type { Tx } from "../../db";
import type { Locale } from "../../schemas/parse";

export type NoticeText = { title: string; body: string };

export type Notice = {
  /** User ids; duplicates and inactive accounts are dropped. */
  recipients: string[];
  /** What happened, e.g. "plan.submitted", "escalation.yellow". */
  kind: string;
  problemId?: string;
  /** A path in the app, e.g. `/problems/<id>`. */
  link?: string;
  /** Identifies this notice; made unique per recipient, so the same notice is never stored twice. */
  dedupeKey: string;
  /** The text in a recipient's language. */
  text: (locale: Locale) => NoticeText;
};

const CHUNK = 5_000;

export function localeOfUser(locale: string | null | undefined): Locale {
  return locale === "en" ? "en" : "zh-CN";
}

/** Configured delivery channels, read on every call so a changed environment takes effect at once. */
export function deliveryChannels(): { email: boolean; webhookUrl: string | null } {
  return { email: !!process.env.SMTP_URL, webhookUrl: process.env.WEBHOOK_URL || null };
}

/**
 * Stores one in-app notification per active recipient, in the recipient's language, and its
 * outgoing copies (outbox): an e-mail per recipient with an address when SMTP is configured, and
 * one webhook message per notice (a group robot needs the news once, not once per reader) when a
 * webhook is configured. Everything is written in the caller's transaction, so a notice exists
 * exactly when the change it reports was committed; a worker sends the copies afterwards.
 * A notice already stored for a recipient (same dedupeKey) is skipped. Returns how many were created.
 */
export async function notify(tx: Tx, notice: Notice): Promise<number> {
  return notifyMany(tx, [notice]);
}

/** `notify` for many notices at once (scheduled jobs), with one round trip per few thousand rows. */
export async function notifyMany(tx: Tx, notices: readonly Notice[]): Promise<number> {
  const ids = [...new Set(notices.flatMap((n) => n.recipients))];
  if (ids.length === 0) return 0;
  const users = new Map<string, { locale: Locale; email: string | null }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx.user.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) }, active: true },
      select: { id: true, locale: true, email: true },
    });
    for (const u of rows) users.set(u.id, { locale: localeOfUser(u.locale), email: u.email?.trim() || null });
  }

  // Who gets which notice, under which key; keys already stored are dropped before any text is built.
  // The group webhook carries one copy per notice, in Chinese (the group's language): the copy of the
  // first recipient who reads Chinese, or of the first recipient when nobody does.
  const candidates: { notice: Notice; userId: string; dedupeKey: string; first: boolean }[] = [];
  for (const notice of notices) {
    const active = [...new Set(notice.recipients)].filter((id) => users.has(id));
    const webhookCopy = active.find((id) => users.get(id)?.locale === "zh-CN") ?? active[0];
    for (const userId of active)
      candidates.push({ notice, userId, dedupeKey: `${notice.dedupeKey}:${userId}`, first: userId === webhookCopy });
  }
  const stored = new Set<string>();
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const keys = candidates.slice(i, i + CHUNK).map((c) => c.dedupeKey);
    const found = await tx.$queryRaw<{ dedupeKey: string }[]>`
      SELECT "dedupeKey" FROM "Notification" WHERE "dedupeKey" = ANY(${keys}::text[])`;
    for (const f of found) stored.add(f.dedupeKey);
  }

  const rows: {
    userId: string;
    problemId: string | null;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    dedupeKey: string;
  }[] = [];
  const firstKeyOfNotice = new Set<string>();
  const texts = new Map<Notice, Map<Locale, NoticeText>>();
  for (const { notice, userId, dedupeKey, first } of candidates) {
    if (stored.has(dedupeKey)) continue;
    const locale = users.get(userId)?.locale ?? "zh-CN";
    const byLocale = texts.get(notice) ?? new Map<Locale, NoticeText>();
    texts.set(notice, byLocale);
    let text = byLocale.get(locale);
    if (!text) {
      text = notice.text(locale);
      byLocale.set(locale, text);
    }
    if (first) firstKeyOfNotice.add(dedupeKey);
    rows.push({
      userId,
      problemId: notice.problemId ?? null,
      kind: notice.kind,
      title: text.title,
      body: text.body,
      link: notice.link ?? null,
      dedupeKey,
    });
  }

  const channels = deliveryChannels();
  let created = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // One statement per chunk, the columns as arrays; a notice stored meanwhile (a concurrent run) is skipped.
    // Times are stored in UTC, as Prisma does, whatever the session's time zone.
    const inserted = await tx.$queryRaw<{ id: string; userId: string; dedupeKey: string }[]>`
      INSERT INTO "Notification" (id, "createdAt", "userId", "problemId", kind, title, body, link, "dedupeKey")
      SELECT gen_random_uuid(), now() AT TIME ZONE 'UTC', v.*
      FROM unnest(${chunk.map((r) => r.userId)}::uuid[], ${chunk.map((r) => r.problemId)}::uuid[],
                  ${chunk.map((r) => r.kind)}::text[], ${chunk.map((r) => r.title)}::text[], ${chunk.map((r) => r.body)}::text[],
                  ${chunk.map((r) => r.link)}::text[], ${chunk.map((r) => r.dedupeKey)}::text[])
           AS v("userId", "problemId", kind, title, body, link, "dedupeKey")
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id::text AS id, "userId"::text AS "userId", "dedupeKey"`;
    created += inserted.length;
    const deliveries: { notificationId: string; channel: NotificationChannel; target: string }[] = [];
    for (const n of inserted) {
      const email = users.get(n.userId)?.email;
      if (channels.email && email) deliveries.push({ notificationId: n.id, channel: "EMAIL", target: email });
      if (channels.webhookUrl && firstKeyOfNotice.has(n.dedupeKey)) {
        deliveries.push({ notificationId: n.id, channel: "WEBHOOK", target: channels.webhookUrl });
      }
    }
    if (deliveries.length) await tx.notificationDelivery.createMany({ data: deliveries });
  }
  return created;
}
