import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { allowedActions, decide, PLAN_ACTIONS } from "../../domain/workflow";
import { missingFor } from "../../domain/workflow-missing";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { type PlanDto, planDecisionSchema } from "../../schemas/workflow";
import { writeAudit } from "../audit/write-audit";
import { problemScope } from "../problems/scope";
import { applyTransition } from "../workflow/apply-transition";
import { refusalError } from "../workflow/refusal";
import { messageText } from "../workflow/workflow-text";
import { planInclude, toPlanDto } from "./plan-dto";

/**
 * The problem's lead official approves a submitted plan or returns it with a reason. Approving
 * the first plan starts the rectification (ASSIGNED → RECTIFYING, or ONGOING for the 长期坚持
 * band) and makes its target the problem's; returning counts as sending work back. Both are a
 * workflow step (transition row, audit, notice to the submitter) in one transaction with the
 * decision. A stale plan version → 409 with the current plan.
 */
export async function decidePlan(
  actor: Actor,
  planId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<PlanDto> {
  authorize(actor, "plan.decide");
  const locale = opts.locale ?? "en";
  const input = parseInput(planDecisionSchema, raw, locale);
  if (!isUuid(planId)) throw new NotFound("Plan not found");
  const now = opts.now ?? clockNow();
  return db.$transaction(async (tx) => {
    const plan = await tx.rectificationPlan.findFirst({
      where: { id: planId, problem: problemScope(actor) },
      include: { ...planInclude, problem: { include: { measures: { select: { status: true } } } } },
    });
    if (!plan) throw new NotFound("Plan not found");
    const { problem, ...planRow } = plan;
    if (plan.version !== input.version) {
      throw new Conflict("This plan was changed by someone else; review the current version", toPlanDto(planRow, false));
    }
    if (plan.status !== "SUBMITTED") {
      throw new Invalid({ decision: [messageText(locale, "workflow.refusal.planDecided")] }).withChoices([], ["PLAN_SUBMITTED"]);
    }

    const action = input.decision === "APPROVE" ? "APPROVE_PLAN" : "RETURN_PLAN";
    const context = { measures: problem.measures, pendingPlan: true };
    const decision = decide(problem, action, actor, { ...context, comment: input.reason });
    if (!decision.ok) {
      const allowed = allowedActions(problem, actor, context, PLAN_ACTIONS);
      throw refusalError(decision.reason, allowed, locale, { action: "decision", comment: "reason" }).withChoices(
        allowedActions(problem, actor, context),
        missingFor(decision.reason, action, problem.status),
      );
    }
    const status = input.decision === "APPROVE" ? "APPROVED" : "RETURNED";
    const updated = await tx.rectificationPlan.updateMany({
      where: { id: planId, version: input.version },
      data: { status, decidedById: actor.id, decidedAt: now, decisionReason: input.reason ?? null, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const latest = await tx.rectificationPlan.findUniqueOrThrow({ where: { id: planId }, include: planInclude });
      throw new Conflict("This plan was changed by someone else; review the current version", toPlanDto(latest, false));
    }
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "RectificationPlan",
      entityId: planId,
      action: "decide",
      before: { status: plan.status },
      after: { status, ...(input.reason ? { decisionReason: input.reason } : {}) },
      requestId: opts.requestId,
    });
    const noticeKey = status === "APPROVED" ? "planApproved" : "planReturned";
    await applyTransition(tx, {
      locale,
      problem,
      decision,
      actor,
      comment: input.reason ?? null,
      now,
      requestId: opts.requestId,
      data: status === "APPROVED" ? { target: plan.target } : undefined,
      notice: {
        recipients: [plan.submittedById],
        kind: status === "APPROVED" ? "plan.approved" : "plan.returned",
        text: (l) => {
          const params = {
            code: problem.code,
            title: problem.title,
            actor: actor.displayName,
            versionNo: plan.versionNo,
            comment: input.reason ?? "",
          };
          return {
            title: messageText(l, `workflow.notice.${noticeKey}.title`, params),
            body: messageText(l, `workflow.notice.${noticeKey}.body`, params),
          };
        },
      },
    });
    const decided = await tx.rectificationPlan.findUniqueOrThrow({ where: { id: planId }, include: planInclude });
    return toPlanDto(decided, false);
  });
}
