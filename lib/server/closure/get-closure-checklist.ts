import "server-only";
import { db, type Tx } from "../../db";
import { type ChecklistResult, evaluateChecklist } from "../../domain/closure-checklist";
import type { ProblemCategoryName } from "../../domain/enums";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import type { ChecklistDto } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { problemScope } from "../problems/scope";
import { closureChecklistSetting } from "./closure-checklist-setting";

/**
 * How a problem's evidence meets its category's closure checklist, read inside the caller's
 * transaction (the workflow gates on it). A row is superseded when a later row corrects it.
 */
export async function checklistOf(tx: Tx, problem: { id: string; category: ProblemCategoryName }): Promise<ChecklistResult> {
  // One after the other: inside a transaction the queries share one connection.
  const setting = await closureChecklistSetting(tx);
  const evidence = await tx.evidence.findMany({
    where: { problemId: problem.id },
    select: { kind: true, reviewStatus: true, supersededBy: { select: { id: true } } },
  });
  return evaluateChecklist(
    setting[problem.category],
    evidence.map((e) => ({ kind: e.kind, reviewStatus: e.reviewStatus, superseded: e.supersededBy !== null })),
  );
}

/** The closure checklist of one problem: per required kind, present / awaiting review / returned / missing. Out of scope → 404. */
export async function getClosureChecklist(actor: Actor, id: string): Promise<ChecklistDto> {
  authorize(actor, "closure.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    select: { id: true, category: true },
  });
  if (!problem) throw new NotFound("Problem not found");
  return { category: problem.category, ...(await checklistOf(db, problem)) };
}
