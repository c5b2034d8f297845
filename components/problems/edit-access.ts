import { type Actor, can } from "@/lib/permissions";
import type { ProblemDto } from "@/lib/schemas/problem";

/**
 * What a division head may change on their division's problems. Mirrors DIVISION_HEAD_FIELDS in
 * lib/server/problems/update-problem.ts (the authority, which refuses anything else with 403);
 * the UI uses it only to show the other fields read-only.
 */
export const DIVISION_HEAD_EDITABLE = [
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

/** Whether to offer editing, and which fields; the use case checks the same rules again on save. */
export function editAccess(
  actor: Pick<Actor, "role" | "unitId">,
  problem: Pick<ProblemDto, "status" | "leadUnitId">,
): EditAccess {
  if (!can(actor, "problem.update")) return { kind: "none", reason: "forbidden" };
  if (actor.role === "DIVISION_HEAD" && problem.leadUnitId !== actor.unitId) return { kind: "none", reason: "notLeadDivision" };
  if (problem.status === "CLOSED") return { kind: "none", reason: "closed" };
  return actor.role === "DIVISION_HEAD" ? { kind: "limited", fields: DIVISION_HEAD_EDITABLE } : { kind: "full" };
}
