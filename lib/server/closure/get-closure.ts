import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { allowedActions, CLOSURE_ACTIONS } from "../../domain/workflow";
import { NotFound } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import type { ClosureDto } from "../../schemas/closure";
import { isUuid } from "../../schemas/common";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";
import {
  acceptanceInclude,
  closureInclude,
  noticeInclude,
  toAcceptanceDto,
  toClosureRecordDto,
  toNoticeDto,
} from "./closure-dto";
import { noticeEndRefusal } from "./closure-step";
import { checklistOf } from "./get-closure-checklist";

/**
 * A problem's closure half: its acceptances, public notices with their objections and closures
 * (a look-back keeps the old closure on record), newest first, with the checklist and the closure
 * steps the caller may take now. Out of scope or unknown → 404 alike.
 */
export async function getClosure(actor: Actor, id: string, opts: { now?: Date } = {}): Promise<ClosureDto> {
  authorize(actor, "closure.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    include: { measures: { select: { status: true } } },
  });
  if (!problem) throw new NotFound("Problem not found");
  const now = opts.now ?? clockNow();
  const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [acceptances, notices, closures, checklist, settings] = await Promise.all([
    db.acceptance.findMany({ where: { problemId: id }, orderBy: newest, include: acceptanceInclude }),
    db.publicNotice.findMany({ where: { problemId: id }, orderBy: newest, include: noticeInclude }),
    db.problemClosure.findMany({
      where: { problemId: id },
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      include: closureInclude,
    }),
    checklistOf(db, problem),
    getSettings(),
  ]);
  const context = { measures: problem.measures, pendingPlan: false, checklist };
  const open = notices.find((n) => n.status === "OPEN") ?? null;
  const pending = open ? open.objections.filter((o) => o.status === "PENDING").length : 0;
  const allowed = allowedActions(problem, actor, context, CLOSURE_ACTIONS).filter((a) => {
    if (a === "END_NOTICE") return noticeEndRefusal(open, pending, bureauToday(now)) === null;
    if (a === "UPHOLD_OBJECTION") return pending > 0;
    return true;
  });
  const showContact = can(actor, "objection.handle");
  return {
    problemId: problem.id,
    status: problem.status,
    version: problem.version,
    acceptances: acceptances.map(toAcceptanceDto),
    notices: notices.map((n) => toNoticeDto(n, showContact)),
    closures: closures.map(toClosureRecordDto),
    checklist: { category: problem.category, ...checklist },
    allowedActions: allowed as ClosureDto["allowedActions"],
    noticeDays: settings.noticeDays,
  };
}
