import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { allowedActions, planSubmitRefusal } from "../../domain/workflow";
import { missingFor } from "../../domain/workflow-missing";
import { Conflict, Forbidden, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { type PlanDto, planSubmitSchema } from "../../schemas/workflow";
import { writeAudit } from "../audit/write-audit";
import { notify } from "../notifications/notify";
import { leadOfficialOf } from "../notifications/recipients";
import { isUniqueViolation } from "../problems/create-problem";
import { problemScope } from "../problems/scope";
import { messageText } from "../workflow/workflow-text";
import { measureSnapshot, planInclude, toPlanDto } from "./plan-dto";

/**
 * The lead division (or the inspection office) submits a new version of a problem's
 * rectification plan: its target and the measures as they stand now. The first version follows
 * assignment; later ones revise the plan while the work runs. One version awaits a decision at a
 * time. The lead official is notified.
 */
export async function submitPlan(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<PlanDto> {
  authorize(actor, "plan.submit");
  const locale = opts.locale ?? "en";
  const input = parseInput(planSubmitSchema, raw, locale);
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  const submission = db.$transaction(async (tx) => {
    // Submissions for one problem queue up here, so the second sees the first's pending version.
    await tx.$queryRaw`SELECT id FROM "Problem" WHERE id = ${problemId}::uuid FOR UPDATE`;
    const problem = await tx.problem.findFirst({
      where: { AND: [{ id: problemId }, problemScope(actor)] },
      include: { measures: { orderBy: { seq: "asc" }, include: { ownerUnit: { select: { name: true } } } } },
    });
    if (!problem) throw new NotFound("Problem not found");
    const pendingPlan = (await tx.rectificationPlan.count({ where: { problemId, status: "SUBMITTED" } })) > 0;
    const refusal = planSubmitRefusal(problem, actor, { pendingPlan });
    if (refusal) {
      const context = { measures: problem.measures, pendingPlan };
      const missing =
        refusal === "forbidden" ? ["LEAD_DIVISION_HEAD", "ROLE_COORDINATOR"] : missingFor(refusal, null, problem.status);
      const text = messageText(locale, `workflow.refusal.${refusal}`);
      const error = refusal === "forbidden" || refusal === "notLeadDivision" ? new Forbidden(text) : new Invalid({ _: [text] });
      throw error.withChoices(allowedActions(problem, actor, context), missing);
    }

    const last = await tx.rectificationPlan.aggregate({ where: { problemId }, _max: { versionNo: true } });
    const versionNo = (last._max.versionNo ?? 0) + 1;
    const plan = await tx.rectificationPlan.create({
      data: {
        problemId,
        versionNo,
        target: input.target,
        measures: measureSnapshot(problem.measures),
        submittedById: actor.id,
        submittedAt: now,
      },
      include: planInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "RectificationPlan",
      entityId: plan.id,
      action: "create",
      after: { problemId, versionNo, target: plan.target, measures: plan.measures, status: plan.status },
      requestId: opts.requestId,
    });
    await notify(tx, {
      recipients: leadOfficialOf(problem).filter((id) => id !== actor.id),
      kind: "plan.submitted",
      problemId,
      link: `/problems/${problemId}`,
      dedupeKey: `plan:${plan.id}:submitted`,
      text: (l) => {
        const params = { code: problem.code, title: problem.title, actor: actor.displayName, versionNo };
        return {
          title: messageText(l, "workflow.notice.planSubmitted.title", params),
          body: messageText(l, "workflow.notice.planSubmitted.body", params),
        };
      },
    });
    return toPlanDto(plan, false);
  });
  return submission.catch((e: unknown) => {
    // Two submissions at once draw the same version number; the later one must look again.
    if (isUniqueViolation(e, "versionNo")) throw new Conflict("Another plan version was submitted at the same time");
    throw e;
  });
}
