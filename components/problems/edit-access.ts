import { type EditAccess, editAccess as editAccessRule } from "@/lib/domain/problem-edit";
import { type Actor, can } from "@/lib/permissions";
import type { ProblemDto } from "@/lib/schemas/problem";

export type { EditAccess };

/** Whether to offer editing, and which fields; the use case applies the same rule again on save. */
export function editAccess(
  actor: Pick<Actor, "role" | "unitId">,
  problem: Pick<ProblemDto, "status" | "leadUnitId">,
): EditAccess {
  return editAccessRule(actor, problem, can(actor, "problem.update"));
}
