import "server-only";
import { revokeSession } from "../../auth/sessions";
import { db } from "../../db";
import type { Actor } from "../../permissions";
import { writeAudit } from "../audit/write-audit";

/** Ends the caller's own session or token at once; a replayed cookie or token is then refused. */
export async function signOut(actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId);
    await writeAudit(tx, { actorId: actor.id, entityType: "Session", entityId: actor.sessionId, action: "sign-out" });
  });
}

/** Revokes a browser session by id (next-auth's sign-out event, which carries only the token). */
export async function signOutSessionId(sessionId: string): Promise<void> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true } });
  if (!session || session.revokedAt) return;
  await db.$transaction(async (tx) => {
    await revokeSession(tx, sessionId);
    await writeAudit(tx, { actorId: session.userId, entityType: "Session", entityId: sessionId, action: "sign-out" });
  });
}
