import "server-only";
import { hashPassword, verifyPassword } from "../../auth/password";
import { db } from "../../db";
import { Invalid } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import type { Actor } from "../../permissions";
import { passwordChangeSchema } from "../../schemas/admin";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { assertAcceptablePassword } from "../users/password-rules";

/**
 * Anyone changes their own password: the current one is required, the new one must meet the
 * password policy and differ from it. Clears the must-change flag; every other session of the
 * person ends (the one in use stays signed in).
 */
export async function changeMyPassword(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<{ sessionsEnded: number }> {
  const input = parseInput(passwordChangeSchema, raw, opts.locale);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, username: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new Invalid({ currentPassword: [adminText(opts.locale, "passwordRules.currentWrong")] });
  }
  await assertAcceptablePassword(input.newPassword, user.username, { locale: opts.locale, field: "newPassword" });
  if (input.newPassword === input.currentPassword) {
    throw new Invalid({ newPassword: [adminText(opts.locale, "passwordRules.sameAsOld")] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    const ended = await tx.session.updateMany({
      where: { userId: actor.id, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: actor.id,
      action: "change-password",
      after: { sessionsRevoked: ended.count },
      requestId: opts.requestId,
    });
    return { sessionsEnded: ended.count };
  });
}
