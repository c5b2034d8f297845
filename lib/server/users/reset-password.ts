import "server-only";
import { hashPassword } from "../../auth/password";
import { revokeUserSessions } from "../../auth/sessions";
import { unlockAccount } from "../../auth/throttle";
import { db } from "../../db";
import { oneTimePassword } from "../../domain/password-policy";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import type { AdminUserDto } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import { writeAudit } from "../audit/write-audit";
import { adminUserSelect, toAdminUserDto } from "./admin-user-dto";

/**
 * An administrator resets a forgotten password: a new one-time password (shown once), every
 * session of the person ended, their sign-in lock lifted, and a new password required at the
 * next sign-in. The audit row never holds the password.
 */
export async function resetPassword(
  actor: Actor,
  id: string,
  opts: { requestId?: string } = {},
): Promise<{ user: AdminUserDto; oneTimePassword: string }> {
  authorize(actor, "user.manage");
  if (!isUuid(id)) throw new NotFound("User not found");
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!exists) throw new NotFound("User not found");
    const user = await tx.user.update({
      where: { id },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), version: { increment: 1 } },
      select: adminUserSelect,
    });
    const revoked = await revokeUserSessions(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: id,
      action: "reset-password",
      after: { mustChangePassword: true, ...(revoked ? { sessionsRevoked: revoked } : {}) },
      requestId: opts.requestId,
    });
    return user;
  });
  await unlockAccount(result.username);
  return { user: await toAdminUserDto(result), oneTimePassword: password };
}
