import "server-only";
import type { Role } from "@prisma/client";
import type { Tx } from "../../db";

/**
 * Who receives a notice, as user ids. Inactive accounts are left out here and again in `notify`,
 * so a list built earlier in a transaction never reaches someone deactivated since.
 */
async function activeUserIds(tx: Tx, where: { role: Role | { in: Role[] }; unitId?: string; unit?: { kind: "BUREAU" } }) {
  const rows = await tx.user.findMany({ where: { ...where, active: true }, select: { id: true }, orderBy: { username: "asc" } });
  return rows.map((r) => r.id);
}

/** The heads (处室负责人) of a unit: its active DIVISION_HEAD accounts. */
export function divisionHeadsOf(tx: Tx, unitId: string): Promise<string[]> {
  return activeUserIds(tx, { role: "DIVISION_HEAD", unitId });
}

/**
 * The people who act for a unit: its division heads and, for a dispatched agency (派出机构), its
 * field officers. Reminders and late-report notices go to them.
 */
export function unitStaffOf(tx: Tx, unitId: string): Promise<string[]> {
  return activeUserIds(tx, { role: { in: ["DIVISION_HEAD", "FIELD_OFFICER"] }, unitId });
}

/** `unitStaffOf` for many units at once (scheduled jobs): unit id → user ids. */
export async function unitStaffOfUnits(tx: Tx, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const staff = await tx.user.findMany({
    where: { unitId: { in: [...new Set(unitIds)] }, role: { in: ["DIVISION_HEAD", "FIELD_OFFICER"] }, active: true },
    select: { id: true, unitId: true },
    orderBy: { username: "asc" },
  });
  const byUnit = new Map<string, string[]>();
  for (const s of staff) if (s.unitId) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s.id]);
  return byUnit;
}

/** The problem's lead official (挂钩领导), if one is named. */
export function leadOfficialOf(problem: { leadOfficialId: string | null }): string[] {
  return problem.leadOfficialId ? [problem.leadOfficialId] : [];
}

/** The inspection office (督察办) that keeps the ledger. */
export function coordinators(tx: Tx): Promise<string[]> {
  return activeUserIds(tx, { role: "COORDINATOR" });
}

/** The bureau heads (局领导): active LEADER accounts of the BUREAU unit. */
export function bureauHeads(tx: Tx): Promise<string[]> {
  return activeUserIds(tx, { role: "LEADER", unit: { kind: "BUREAU" } });
}
