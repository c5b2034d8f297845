import "server-only";
import { unlockAccount } from "../../auth/throttle";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import type { AdminUserDto } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import { writeAudit } from "../audit/write-audit";
import { adminUserSelect, toAdminUserDto } from "./admin-user-dto";

/** An administrator lifts the sign-in lock of an account (after too many failed attempts). */
export async function unlockUser(actor: Actor, id: string, opts: { requestId?: string } = {}): Promise<AdminUserDto> {
  authorize(actor, "user.manage");
  if (!isUuid(id)) throw new NotFound("User not found");
  const user = await db.user.findUnique({ where: { id }, select: adminUserSelect });
  if (!user) throw new NotFound("User not found");
  const cleared = await unlockAccount(user.username);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: id,
      action: "unlock",
      after: { lockRowsCleared: cleared },
      requestId: opts.requestId,
    }),
  );
  return toAdminUserDto(user);
}
