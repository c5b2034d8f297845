import "server-only";
import { revokeUserSessions } from "../../auth/sessions";
import { db } from "../../db";
import { Conflict, Forbidden, NotFound } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import { type Actor, authorize } from "../../permissions";
import type { AdminUserDto } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { userUpdateSchema } from "../../schemas/user";
import { diffFields, writeAudit } from "../audit/write-audit";
import { checkAccountScope } from "./account-rules";
import { adminUserSelect, toAdminUserDto } from "./admin-user-dto";

const AUDITED = ["displayName", "role", "unitId", "districtId", "phone", "email", "active", "locale"] as const;

/**
 * An administrator edits an account (name, role, unit, district, phone, e-mail) or deactivates /
 * reactivates it. A change of role, unit or district, or a deactivation, ends every session and
 * token the person holds in the same transaction, so the old rights stop at once.
 */
export async function updateUser(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<AdminUserDto> {
  authorize(actor, "user.manage");
  const input = parseInput(userUpdateSchema, raw, opts.locale);
  if (!isUuid(id)) throw new NotFound("User not found");
  if (id === actor.id && (input.role !== undefined || input.active === false)) {
    throw new Forbidden(adminText(opts.locale, "adminErrors.selfChange"));
  }
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: adminUserSelect });
    if (!current) throw new NotFound("User not found");
    const next = {
      role: input.role ?? current.role,
      unitId: input.unitId === undefined ? current.unitId : input.unitId,
      districtId: input.districtId === undefined ? current.districtId : input.districtId,
    };
    // Only a change of role, unit or district is checked: deactivating or renaming an account never fails on its scope.
    if (input.role !== undefined || input.unitId !== undefined || input.districtId !== undefined) {
      await checkAccountScope(tx, next, { locale: opts.locale, keepUnitId: current.unitId });
    }
    const updated = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.unitId !== undefined && { unitId: input.unitId }),
        ...(input.districtId !== undefined && { districtId: input.districtId }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.locale !== undefined && { locale: input.locale }),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) {
      throw new Conflict("This account was changed by someone else", await toAdminUserDto(current, tx));
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id }, select: adminUserSelect });
    const rightsChanged =
      current.role !== after.role ||
      current.unitId !== after.unitId ||
      current.districtId !== after.districtId ||
      (current.active && !after.active);
    const revoked = rightsChanged ? await revokeUserSessions(tx, id) : 0;
    const pick = (u: typeof current) => Object.fromEntries(AUDITED.map((k) => [k, u[k]]));
    const diff = diffFields(pick(current), pick(after));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: id,
      action: current.active !== after.active ? (after.active ? "reactivate" : "deactivate") : "update",
      before: diff.before,
      after: { ...diff.after, ...(revoked ? { sessionsRevoked: revoked } : {}) },
      requestId: opts.requestId,
    });
    return toAdminUserDto(after, tx);
  });
}

/** Anyone may switch their own interface language. */
export async function setMyLocale(actor: Actor, locale: "zh-CN" | "en"): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
