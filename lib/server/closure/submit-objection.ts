import "server-only";
import { createHash } from "node:crypto";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { Invalid, NotFound, TooManyRequests } from "../../errors";
import { objectionInputSchema } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { notify } from "../notifications/notify";
import { coordinators } from "../notifications/recipients";
import { getSettings } from "../settings/get-settings";
import { messageText } from "../workflow/workflow-text";

const HOUR_MS = 3_600_000;

/**
 * Objections one notice accepts per rolling hour from everyone together (`OBJECTIONS_PER_NOTICE_PER_HOUR`,
 * default 30), on top of the per-address limit of the settings: spam from many addresses cannot
 * bury a notice. Spam that got in is dismissed in bulk (dismiss-objections.ts) and blocks nothing.
 */
export function objectionsPerNoticePerHour(): number {
  const n = Number(process.env.OBJECTIONS_PER_NOTICE_PER_HOUR ?? 30);
  return Number.isInteger(n) && n > 0 ? n : 30;
}

/** SHA-256 of the sender's address: enough to count and review abuse, without keeping the address. */
export function senderHash(ip: string | null | undefined): string {
  return createHash("sha256")
    .update(`objection|${ip ?? "unknown"}`)
    .digest("hex");
}

/**
 * A member of the public raises an objection to a problem in public notice — no sign-in. Only
 * while the notice is open (started, not ended or withdrawn) and the problem is in notice. Robots
 * that fill the hidden `website` field are refused. One sender (by address) may raise
 * `objectionsPerHour` objections per rolling hour, one notice `objectionsPerNoticePerHour()`;
 * beyond that 429 with the seconds to wait. The sender's address is the socket's (see
 * lib/auth/request-meta.ts), so a made-up X-Forwarded-For does not reset the count. The
 * objection reaches the coordinators as a notification; the audit row names no person.
 */
export async function submitObjection(
  noticeId: string,
  raw: unknown,
  opts: { ip: string | null; locale?: Locale; requestId?: string; now?: Date },
): Promise<{ received: true }> {
  const locale = opts.locale ?? "en";
  const input = parseInput(objectionInputSchema, raw, locale);
  if (input.website?.trim()) throw new Invalid({ website: [messageText(locale, "closure.errors.robot")] });
  if (!isUuid(noticeId)) throw new NotFound("Notice not found");
  const now = opts.now ?? clockNow();
  const hash = senderHash(opts.ip);
  await db.$transaction(async (tx) => {
    // One sender at a time: parallel submissions cannot slip past the count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${hash}))`;
    const notice = await tx.publicNotice.findUnique({
      where: { id: noticeId },
      select: {
        id: true,
        status: true,
        startsOn: true,
        problem: { select: { id: true, code: true, title: true, status: true } },
      },
    });
    if (!notice) throw new NotFound("Notice not found");
    const open = notice.status === "OPEN" && notice.problem.status === "PUBLIC_NOTICE" && notice.startsOn <= bureauToday(now);
    if (!open) throw new Invalid({ _: [messageText(locale, "closure.errors.noticeClosed")] });

    // The notice's own limit: rotating addresses cannot flood one notice either.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notice|${noticeId}`}))`;
    const perNotice = objectionsPerNoticePerHour();
    const sinceHour = new Date(now.getTime() - HOUR_MS);
    const onNotice = await tx.objection.findMany({
      where: { noticeId, createdAt: { gt: sinceHour } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: perNotice,
    });
    if (onNotice.length >= perNotice) {
      const oldest = (onNotice[0] as { createdAt: Date }).createdAt.getTime();
      throw new TooManyRequests(
        Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000)),
        messageText(locale, "security.refusal.noticeObjectionLimit"),
      );
    }

    const limit = (await getSettings(tx)).objectionsPerHour;
    const since = new Date(now.getTime() - HOUR_MS);
    const recent = await tx.objection.findMany({
      where: { senderHash: hash, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: limit,
    });
    if (recent.length >= limit) {
      const oldest = (recent[0] as { createdAt: Date }).createdAt.getTime();
      throw new TooManyRequests(Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000)));
    }
    const objection = await tx.objection.create({
      data: {
        noticeId,
        problemId: notice.problem.id,
        name: input.name ?? null,
        contact: input.contact,
        text: input.text,
        senderHash: hash,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: null,
      entityType: "Objection",
      entityId: objection.id,
      action: "create",
      after: { noticeId, problemId: notice.problem.id, senderHash: hash },
      requestId: opts.requestId,
    });
    const { code, title } = notice.problem;
    await notify(tx, {
      recipients: await coordinators(tx),
      kind: "objection.received",
      problemId: notice.problem.id,
      link: `/problems/${notice.problem.id}#s-closure`,
      dedupeKey: `objection:${objection.id}`,
      text: (l) => ({
        title: messageText(l, "closure.notify.objectionTitle", { code }),
        body: messageText(l, "closure.notify.objectionBody", { code, title, text: input.text.slice(0, 200) }),
      }),
    });
  });
  return { received: true };
}
