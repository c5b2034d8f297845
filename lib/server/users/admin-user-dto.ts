import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";
import type { AdminUserDto } from "../../schemas/admin";

export const adminUserSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  unitId: true,
  districtId: true,
  phone: true,
  email: true,
  active: true,
  locale: true,
  mustChangePassword: true,
  version: true,
  createdAt: true,
  unit: { select: { name: true } },
  district: { select: { code: true, name: true } },
} satisfies Prisma.UserSelect;

type Row = Prisma.UserGetPayload<{ select: typeof adminUserSelect }>;

/** Accounts with their lock state (any address locked out now) and last sign-in, in two queries for a whole page. */
export async function toAdminUserDtos(rows: Row[], tx: Tx = db, now = new Date()): Promise<AdminUserDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lastSignIns, locks] = await Promise.all([
    tx.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { createdAt: true } }),
    tx.loginThrottle.findMany({ where: { lockedUntil: { gt: now } }, select: { key: true } }),
  ]);
  const last = new Map(lastSignIns.map((s) => [s.userId, s._max.createdAt]));
  const locked = new Set(locks.map((l) => l.key.slice(0, l.key.lastIndexOf("|"))));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName: u.unit?.name ?? null,
    districtId: u.districtId,
    districtCode: u.district?.code ?? null,
    districtName: u.district?.name ?? null,
    phone: u.phone,
    email: u.email,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    locked: locked.has(u.username.toLowerCase()),
    lastSignInAt: last.get(u.id)?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  }));
}

export async function toAdminUserDto(row: Row, tx: Tx = db): Promise<AdminUserDto> {
  return (await toAdminUserDtos([row], tx))[0] as AdminUserDto;
}
