import { revokeUserSessions } from "../../auth/sessions";
import { db } from "../../db";
import { Conflict, Forbidden, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { type UserDto, userUpdateSchema } from "../../schemas/user";
import { diffFields, writeAudit } from "../audit/write-audit";
import { toUserDto, userSelect } from "./list-users";

/**
 * An administrator changes a person's role or deactivates them. Either ends every session and
 * token the person holds, in the same transaction, so the old rights stop at once.
 */
export async function updateUser(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<UserDto> {
  authorize(actor, "user.manage");
  const input = parseInput(userUpdateSchema, raw, opts.locale);
  if (!isUuid(id)) throw new NotFound("User not found");
  if (id === actor.id && (input.role !== undefined || input.active === false)) {
    throw new Forbidden("Administrators cannot change their own role or deactivate themselves");
  }
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: userSelect });
    if (!current) throw new NotFound("User not found");
    const updated = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        ...(input.role !== undefined && { role: input.role }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.locale !== undefined && { locale: input.locale }),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Conflict("This account was changed by someone else", toUserDto(current));
    const after = await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
    const rightsChanged = current.role !== after.role || (current.active && !after.active);
    const revoked = rightsChanged ? await revokeUserSessions(tx, id) : 0;
    const diff = diffFields(
      { role: current.role, active: current.active, locale: current.locale },
      { role: after.role, active: after.active, locale: after.locale },
    );
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: id,
      action: "update",
      before: diff.before,
      after: { ...diff.after, ...(revoked ? { sessionsRevoked: revoked } : {}) },
      requestId: opts.requestId,
    });
    return toUserDto(after);
  });
}

/** Anyone may switch their own interface language. */
export async function setMyLocale(actor: Actor, locale: "zh-CN" | "en"): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
