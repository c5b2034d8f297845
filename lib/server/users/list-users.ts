import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type AdminUserDto, userSearchQuerySchema } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { type UserDto, userListQuerySchema } from "../../schemas/user";
import { adminUserSelect, toAdminUserDto, toAdminUserDtos } from "./admin-user-dto";

export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  unitId: true,
  active: true,
  locale: true,
  version: true,
  unit: { select: { name: true } },
  district: { select: { code: true } },
} satisfies Prisma.UserSelect;

export function toUserDto(u: Prisma.UserGetPayload<{ select: typeof userSelect }>): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName: u.unit?.name ?? null,
    districtCode: u.district?.code ?? null,
    active: u.active,
  };
}

/** People, optionally of one role (e.g. LEADER to pick a lead official). Admins also see deactivated accounts. */
export async function listUsers(actor: Actor, rawQuery: unknown, opts: { locale?: Locale } = {}): Promise<UserDto[]> {
  authorize(actor, "user.read");
  const query = parseInput(userListQuerySchema, rawQuery, opts.locale);
  const rows = await db.user.findMany({
    where: { ...(query.role && { role: query.role }), ...(actor.role !== "ADMIN" && { active: true }) },
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: userSelect,
  });
  return rows.map(toUserDto);
}

export async function getMe(actor: Actor): Promise<UserDto & { locale: string; mustChangePassword: boolean }> {
  const u = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: userSelect });
  return { ...toUserDto(u), locale: u.locale, mustChangePassword: actor.mustChangePassword === true };
}

/** Accounts for the administration pages: search by username or name, filter by role, state and unit. */
export async function searchUsers(actor: Actor, rawQuery: unknown, opts: { locale?: Locale } = {}): Promise<AdminUserDto[]> {
  authorize(actor, "user.manage");
  const query = parseInput(userSearchQuerySchema, rawQuery, opts.locale);
  const rows = await db.user.findMany({
    where: {
      ...(query.q && {
        OR: [
          { username: { contains: query.q, mode: "insensitive" as const } },
          { displayName: { contains: query.q, mode: "insensitive" as const } },
        ],
      }),
      ...(query.role && { role: query.role }),
      ...(query.active && { active: query.active === "true" }),
      ...(query.unitId && { unitId: query.unitId }),
    },
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    take: 500,
    select: adminUserSelect,
  });
  return toAdminUserDtos(rows);
}

/** One account as the administrator sees it; a malformed or unknown id is not found. */
export async function getAdminUser(actor: Actor, id: string): Promise<AdminUserDto> {
  authorize(actor, "user.manage");
  const row = isUuid(id) ? await db.user.findUnique({ where: { id }, select: adminUserSelect }) : null;
  if (!row) throw new NotFound("User not found");
  return toAdminUserDto(row);
}
