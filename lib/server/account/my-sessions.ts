import "server-only";
import { revokeSession } from "../../auth/sessions";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import type { Actor } from "../../permissions";
import type { MySessionDto } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import type { Locale } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";

/** The person's own live sessions (browsers and API tokens), newest first, the one in use marked. */
export async function listMySessions(actor: Actor): Promise<MySessionDto[]> {
  const rows = await db.session.findMany({
    where: { userId: actor.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((s) => ({
    id: s.id,
    kind: s.kind,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

/** The person ends one of their own sessions (e.g. a phone left signed in); someone else's answers 404. */
export async function endMySession(actor: Actor, id: string, opts: { locale?: Locale; requestId?: string } = {}): Promise<void> {
  if (!isUuid(id)) throw new NotFound(adminText(opts.locale, "adminErrors.sessionNotFound"));
  await db.$transaction(async (tx) => {
    const s = await tx.session.findFirst({ where: { id, userId: actor.id, revokedAt: null }, select: { id: true } });
    if (!s) throw new NotFound(adminText(opts.locale, "adminErrors.sessionNotFound"));
    await revokeSession(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Session",
      entityId: id,
      action: "end-session",
      requestId: opts.requestId,
    });
  });
}

/** The person's sign-in before the current one (time and address), shown so a stranger's use stands out. */
export async function previousSignIn(actor: Actor): Promise<{ at: Date; ip: string | null } | null> {
  const s = await db.session.findFirst({
    where: { userId: actor.id, id: { not: actor.sessionId } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, ip: true },
  });
  return s ? { at: s.createdAt, ip: s.ip } : null;
}
