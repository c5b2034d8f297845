import "server-only";
import { hashPassword } from "../../auth/password";
import { db } from "../../db";
import { oneTimePassword } from "../../domain/password-policy";
import { Invalid } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import { type Actor, authorize } from "../../permissions";
import type { AdminUserDto } from "../../schemas/admin";
import { userCreateSchema } from "../../schemas/admin";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { checkAccountScope } from "./account-rules";
import { adminUserSelect, toAdminUserDto } from "./admin-user-dto";

/**
 * An administrator opens an account. The server makes a one-time password, returned once and
 * stored only as its argon2id hash; the person must choose their own at first sign-in.
 */
export async function createUser(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<{ user: AdminUserDto; oneTimePassword: string }> {
  authorize(actor, "user.manage");
  const input = parseInput(userCreateSchema, raw, opts.locale);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    await checkAccountScope(
      tx,
      { role: input.role, unitId: input.unitId ?? null, districtId: input.districtId ?? null },
      { locale: opts.locale },
    );
    const taken = await tx.user.findFirst({
      where: { username: { equals: input.username, mode: "insensitive" } },
      select: { id: true },
    });
    if (taken) throw new Invalid({ username: [adminText(opts.locale, "adminErrors.usernameTaken")] });
    const created = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId ?? null,
        districtId: input.districtId ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: true,
      },
      select: adminUserSelect,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: created.id,
      action: "create",
      after: {
        username: created.username,
        displayName: created.displayName,
        role: created.role,
        unitId: created.unitId,
        districtId: created.districtId,
        phone: created.phone,
        email: created.email,
      },
      requestId: opts.requestId,
    });
    return toAdminUserDto(created, tx);
  });
  return { user, oneTimePassword: password };
}
