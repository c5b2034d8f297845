import { createHash, randomBytes } from "node:crypto";
import type { SessionKind } from "@prisma/client";
import { db, type Tx } from "../db";
import { passwordExpired, sessionIdle } from "../domain/password-policy";
import type { Actor } from "../permissions";
import { isUuid } from "../schemas/common";
import { cachedSettings } from "../server/settings/get-settings";

/** Browser sessions last a working day; API tokens a week. Both end at once when revoked. */
export const SESSION_TTL_SECONDS: Record<SessionKind, number> = { WEB: 8 * 3600, API: 7 * 24 * 3600 };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type NewSession = { sessionId: string; token: string | null; expiresAt: Date };

export async function createSession(
  tx: Tx,
  userId: string,
  kind: SessionKind,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<NewSession> {
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS[kind] * 1000);
  const token = kind === "API" ? randomBytes(32).toString("base64url") : null;
  const session = await tx.session.create({
    data: {
      userId,
      kind,
      expiresAt,
      tokenHash: token ? hashToken(token) : null,
      ip: meta.ip?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return { sessionId: session.id, token, expiresAt };
}

const actorSelect = {
  id: true,
  revokedAt: true,
  expiresAt: true,
  kind: true,
  lastSeenAt: true,
  user: {
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      unitId: true,
      districtId: true,
      locale: true,
      active: true,
      mustChangePassword: true,
      passwordChangedAt: true,
    },
  },
} as const;

type SessionRow = {
  id: string;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  user: Omit<Actor, "sessionId" | "mustChangePassword"> & {
    active: boolean;
    mustChangePassword: boolean;
    passwordChangedAt: Date;
  };
};

/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * A live session's person, or null when it was revoked, expired, its account deactivated, or it
 * sat idle longer than `sessionIdleMinutes` (then it is revoked for good). An expired password
 * (`passwordExpiryDays`) counts as one that must be changed.
 */
async function toActor(row: SessionRow | null, now: Date): Promise<Actor | null> {
  if (!row || row.revokedAt || row.expiresAt <= now || !row.user.active) return null;
  const settings = await cachedSettings();
  if (sessionIdle(row.lastSeenAt, settings.sessionIdleMinutes, now)) {
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  const { active: _active, mustChangePassword, passwordChangedAt, ...user } = row.user;
  const mustChange = mustChangePassword || passwordExpired(passwordChangedAt, settings.passwordExpiryDays, now);
  return { ...user, sessionId: row.id, ...(mustChange ? { mustChangePassword: true } : {}) };
}

/** The signed-in person behind a browser session id, or null when it was revoked or expired. */
export async function actorFromSessionId(sessionId: string | undefined | null): Promise<Actor | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  const row = await db.session.findFirst({ where: { id: sessionId, kind: "WEB" }, select: actorSelect });
  return toActor(row, new Date());
}

/** The signed-in person behind an API bearer token. */
export async function actorFromToken(token: string | undefined | null): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const row = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: actorSelect });
  return row?.kind === "API" ? toActor(row, new Date()) : null;
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session and token of a user (deactivation, role change, password reset). */
export async function revokeUserSessions(tx: Tx, userId: string): Promise<number> {
  const r = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count;
}
