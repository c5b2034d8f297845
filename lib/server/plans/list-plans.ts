import "server-only";
import { db } from "../../db";
import { decide } from "../../domain/workflow";
import { NotFound } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { PlanDto } from "../../schemas/workflow";
import { problemScope } from "../problems/scope";
import { planInclude, toPlanDto } from "./plan-dto";

/** Every version of a problem's rectification plan, newest first, each saying whether the caller may decide it now. */
export async function listPlans(actor: Actor, problemId: string): Promise<PlanDto[]> {
  authorize(actor, "problem.read");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id: problemId }, problemScope(actor)] },
    include: { measures: { select: { status: true } } },
  });
  if (!problem) throw new NotFound("Problem not found");
  const plans = await db.rectificationPlan.findMany({
    where: { problemId },
    orderBy: { versionNo: "desc" },
    include: planInclude,
  });
  const context = { measures: problem.measures, pendingPlan: true };
  const mayDecideNow = can(actor, "plan.decide") && decide(problem, "APPROVE_PLAN", actor, { ...context, comment: null }).ok;
  return plans.map((p) => toPlanDto(p, mayDecideNow && p.status === "SUBMITTED"));
}
