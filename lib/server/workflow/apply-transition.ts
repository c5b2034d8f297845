import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "../../db";
import type { ProblemStatusName } from "../../domain/enums";
import type { Decision, WorkflowAction } from "../../domain/workflow";
import { Conflict } from "../../errors";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { type NoticeText, notify } from "../notifications/notify";
import { coordinators, divisionHeadsOf, leadOfficialOf } from "../notifications/recipients";
import { problemWithMeasuresInclude, toProblemDto } from "../problems/problem-dto";
import { getSettings } from "../settings/get-settings";
import { refreshDerived } from "./refresh-derived";
import { messageText } from "./workflow-text";

export type TransitionProblem = {
  id: string;
  code: string;
  title: string;
  status: ProblemStatusName;
  version: number;
  leadUnitId: string;
  leadOfficialId: string | null;
  deadline: Date | null;
  originalDeadline: Date | null;
};

export type TransitionNotice = {
  recipients: string[];
  kind: string;
  text: (locale: Locale) => NoticeText;
};

type Applied = Extract<Decision, { ok: true }>;

/** What is audited of a problem around a transition (the fields a step can change). */
const workflowFields = {
  status: true,
  version: true,
  returnCount: true,
  relapse: true,
  assignedAt: true,
  originalDeadline: true,
  closedAt: true,
  colour: true,
  progress: true,
  target: true,
} satisfies Prisma.ProblemSelect;

/** Who hears of a step, by action; the person who took it is left out. */
async function defaultRecipients(tx: Tx, action: WorkflowAction, problem: TransitionProblem): Promise<string[]> {
  const heads = () => divisionHeadsOf(tx, problem.leadUnitId);
  switch (action) {
    case "ASSIGN":
      return heads();
    case "APPLY_ACCEPTANCE":
      return [...(await coordinators(tx)), ...leadOfficialOf(problem)];
    case "END_NOTICE":
      return leadOfficialOf(problem);
    case "SIGN_OFF":
      return [...(await heads()), ...(await coordinators(tx))];
    default:
      return [...(await heads()), ...leadOfficialOf(problem)];
  }
}

function defaultNoticeText(
  action: WorkflowAction,
  problem: TransitionProblem,
  actorName: string,
  to: Applied["to"],
  comment: string | null,
): (locale: Locale) => NoticeText {
  return (locale) => {
    const base = { code: problem.code, title: problem.title, actor: actorName };
    const key = action === "ASSIGN" ? "assigned" : action === "APPLY_ACCEPTANCE" ? "appliedAcceptance" : "statusChanged";
    const params = {
      ...base,
      action: messageText(locale, `workflow.actions.${action}`),
      status: messageText(locale, `enums.status.${to}`),
    };
    const title = messageText(locale, `workflow.notice.${key}.title`, params);
    const body = messageText(locale, `workflow.notice.${key}.body`, params);
    return { title, body: comment ? messageText(locale, "workflow.notice.withComment", { body, comment }) : body };
  };
}

/**
 * Takes one decided workflow step inside the caller's transaction: the status write (checked
 * against the version the caller saw, so of two concurrent steps only one lands), the
 * ProblemTransition row, the derived progress and colour, the audit row and the notification.
 * Anything failing here rolls all of it back. `notice` overrides who hears of it and what they read.
 */
export async function applyTransition(
  tx: Tx,
  args: {
    problem: TransitionProblem;
    decision: Applied;
    actor: Actor;
    comment: string | null;
    now: Date;
    requestId?: string;
    /** The reader's language, for the current record a 409 carries (unit and district names). */
    locale?: Locale;
    /** Further problem fields this step sets (e.g. the approved plan's target). */
    data?: Prisma.ProblemUpdateManyMutationInput;
    notice?: TransitionNotice;
  },
): Promise<{ transitionId: string }> {
  const { problem, decision, actor, comment, now } = args;
  const before = await tx.problem.findUniqueOrThrow({ where: { id: problem.id }, select: workflowFields });
  const updated = await tx.problem.updateMany({
    where: { id: problem.id, version: problem.version },
    data: {
      ...args.data,
      status: decision.to,
      version: { increment: 1 },
      ...(decision.starts && { assignedAt: now }),
      ...(decision.starts && problem.originalDeadline === null && { originalDeadline: problem.deadline }),
      ...(decision.countsAsReturn && { returnCount: { increment: 1 } }),
      ...(decision.setsRelapse && { relapse: true }),
      ...(decision.closes && { closedAt: now }),
      ...(decision.from === "CLOSED" && decision.to !== "CLOSED" && { closedAt: null }),
    },
  });
  if (updated.count !== 1) {
    const latest = await tx.problem.findUniqueOrThrow({ where: { id: problem.id }, include: problemWithMeasuresInclude });
    throw new Conflict(
      "This problem was changed by someone else; review the current record",
      toProblemDto(latest, now, { actor, settings: await getSettings(tx), locale: args.locale }),
    );
  }
  const transition = await tx.problemTransition.create({
    data: {
      problemId: problem.id,
      action: decision.action,
      fromStatus: decision.from,
      toStatus: decision.to,
      actorId: actor.id,
      comment,
      at: now,
    },
    select: { id: true },
  });
  await refreshDerived(tx, problem.id, now);
  const after = await tx.problem.findUniqueOrThrow({ where: { id: problem.id }, select: workflowFields });
  const diff = diffFields(before, after);
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Problem",
    entityId: problem.id,
    action: "transition",
    before: diff.before,
    after: { ...diff.after, workflowAction: decision.action, ...(comment ? { comment } : {}) },
    requestId: args.requestId,
  });
  const notice = args.notice ?? {
    recipients: await defaultRecipients(tx, decision.action, problem),
    kind: `workflow.${decision.action}`,
    text: defaultNoticeText(decision.action, problem, actor.displayName, decision.to, comment),
  };
  await notify(tx, {
    recipients: notice.recipients.filter((id) => id !== actor.id),
    kind: notice.kind,
    problemId: problem.id,
    link: `/problems/${problem.id}`,
    dedupeKey: `transition:${transition.id}`,
    text: notice.text,
  });
  return { transitionId: transition.id };
}
