import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { mayDecideExtension } from "../../domain/extension-rules";
import { reportStanding } from "../../domain/reporting";
import { type WaitingItem, waitingItems } from "../../domain/waiting";
import { allowedActions, decide, planSubmitRefusal, TRANSITION_ACTIONS } from "../../domain/workflow";
import { NotFound } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { getClosure } from "../closure/get-closure";
import { checklistOf } from "../closure/get-closure-checklist";
import { getSettings } from "../settings/get-settings";
import { problemScope } from "./scope";

/**
 * What waits for the caller on one problem: workflow steps, plan and extension decisions, evidence
 * to review, the closure steps possible today, pending objections and a progress report due — each
 * with the section of the page where it is handled. The same rules the use cases apply on save.
 * Out of scope or unknown → 404 alike.
 */
export async function getWaiting(actor: Actor, id: string, opts: { now?: Date } = {}): Promise<WaitingItem[]> {
  authorize(actor, "problem.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    include: { measures: { select: { status: true } } },
  });
  if (!problem) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const [plans, pendingExtensions, evidenceToReview, closure, lastReport, checklist, settings] = await Promise.all([
    db.rectificationPlan.findMany({
      where: { problemId: id, status: { in: ["SUBMITTED", "APPROVED"] } },
      select: { status: true },
    }),
    db.extension.count({ where: { problemId: id, status: "PENDING" } }),
    db.evidence.count({ where: { problemId: id, reviewStatus: "PENDING", supersededBy: { is: null } } }),
    getClosure(actor, id, { now }),
    db.progressReport.findFirst({ where: { problemId: id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    checklistOf(db, problem),
    getSettings(),
  ]);
  const pendingPlans = plans.filter((p) => p.status === "SUBMITTED").length;
  const context = { measures: problem.measures, pendingPlan: pendingPlans > 0, checklist };
  const open = closure.notices.find((n) => n.status === "OPEN");
  const reportsForIt =
    can(actor, "report.create") &&
    (actor.role === "COORDINATOR" ? false : actor.unitId !== null && actor.unitId === problem.leadUnitId);
  const standing = reportsForIt
    ? reportStanding({ ...problem, lastReportAt: lastReport?.createdAt ?? null }, today, settings)
    : null;
  return waitingItems({
    transitions: allowedActions(problem, actor, context, TRANSITION_ACTIONS),
    closureSteps: closure.allowedActions,
    mayDecidePlan: decide(problem, "APPROVE_PLAN", actor, context).ok,
    pendingPlans,
    mayWritePlan: can(actor, "plan.submit") && planSubmitRefusal(problem, actor, context) === null,
    needsFirstPlan: problem.status === "ASSIGNED" && plans.length === 0,
    mayDecideExtensions: mayDecideExtension(actor, problem, can(actor, "extension.decide")),
    pendingExtensions,
    mayReviewEvidence: can(actor, "evidence.review"),
    evidenceToReview,
    mayHandleObjections: can(actor, "objection.handle") && open !== undefined,
    pendingObjections: open ? open.objections.filter((o) => o.status === "PENDING").length : 0,
    reportDue:
      standing && standing.dueOn.getTime() <= today.getTime()
        ? { dueOn: formatCalendarDate(standing.dueOn), daysLate: standing.daysLate }
        : null,
  });
}
