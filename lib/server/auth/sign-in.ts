import "server-only";
import type { SessionKind } from "@prisma/client";
import { dummyPasswordHash, verifyPassword } from "../../auth/password";
import { createSession, type NewSession } from "../../auth/sessions";
import { claimAttempt, recordSuccess } from "../../auth/throttle";
import { db } from "../../db";
import { Unauthorized } from "../../errors";
import { type Locale, parseInput } from "../../schemas/parse";
import { signInSchema } from "../../schemas/session";
import { writeAudit } from "../audit/write-audit";

export type SignInResult = NewSession & { userId: string };

/**
 * Checks a username and password and opens a session. Unknown user, wrong password and
 * deactivated account give the same answer. Every attempt is counted before the password is
 * checked (per account+address and per account over all addresses, see lib/auth/throttle.ts).
 */
export async function signIn(
  input: unknown,
  meta: { kind: SessionKind; ip?: string | null; userAgent?: string | null; locale?: Locale },
): Promise<SignInResult> {
  const { username, password } = parseInput(signInSchema, input, meta.locale);
  await claimAttempt(username, meta.ip);

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, active: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) throw new Unauthorized("Invalid username or password");
  await recordSuccess(username, meta.ip);
  return db.$transaction(async (tx) => {
    const session = await createSession(tx, user.id, meta.kind, meta);
    await writeAudit(tx, {
      actorId: user.id,
      entityType: "Session",
      entityId: session.sessionId,
      action: "sign-in",
      after: { kind: meta.kind, ip: meta.ip ?? null },
    });
    return { ...session, userId: user.id };
  });
}
