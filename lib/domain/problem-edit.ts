import type { ProblemStatusName, RoleName } from "./enums";

/** What a division head may change on problems their division leads; the rest belongs to the ledger keeper. */
export const DIVISION_HEAD_FIELDS = [
  "target",
  "responsiblePerson",
  "responsiblePhone",
  "locationText",
  "lat",
  "lng",
  "coUnitIds",
] as const;

export type EditAccess =
  | { kind: "full" }
  | { kind: "limited"; fields: readonly string[] }
  | { kind: "none"; reason: "forbidden" | "closed" | "notLeadDivision" };

/**
 * Who may edit which fields of a visible problem. Pure, so the page (to offer the form) and the
 * use case (to refuse the write) apply one rule. `mayUpdate` is the permission-table answer.
 */
export function editAccess(
  actor: { role: RoleName; unitId: string | null },
  problem: { status: ProblemStatusName; leadUnitId: string },
  mayUpdate: boolean,
): EditAccess {
  if (!mayUpdate) return { kind: "none", reason: "forbidden" };
  if (actor.role === "DIVISION_HEAD" && problem.leadUnitId !== actor.unitId) return { kind: "none", reason: "notLeadDivision" };
  if (problem.status === "CLOSED") return { kind: "none", reason: "closed" };
  return actor.role === "DIVISION_HEAD" ? { kind: "limited", fields: DIVISION_HEAD_FIELDS } : { kind: "full" };
}

/** Fields in `changed` that the access does not allow (empty when all may be written). */
export function disallowedFields(access: EditAccess, changed: readonly string[]): string[] {
  if (access.kind === "full") return [];
  if (access.kind === "none") return [...changed];
  return changed.filter((f) => !access.fields.includes(f));
}
