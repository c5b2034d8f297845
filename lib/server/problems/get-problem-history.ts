import "server-only";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { problemScope } from "./scope";

/**
 * What an id in the history stands for, so a reader sees names, never UUIDs: a measure by its
 * number and wording, evidence by its kind and file name, a plan by its version, a progress report
 * by its percent, an extension by its dates, a unit or a person by name.
 */
export type HistoryRef =
  | { type: "measure"; seq: number; description: string }
  | { type: "evidence"; kind: string; name: string }
  | { type: "plan"; versionNo: number }
  | { type: "report"; percent: number; at: string }
  | { type: "extension"; from: string; to: string }
  | { type: "unit"; name: string }
  | { type: "user"; name: string };

export type HistoryEntry = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  /** The record the entry is about (the measure, the evidence file, the plan version…), when not the problem. */
  subject: HistoryRef | null;
  before: unknown;
  after: unknown;
};

export type ProblemHistory = { items: HistoryEntry[]; refs: Record<string, HistoryRef> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every UUID in a stored before/after value (ids, lists of ids), to be named. */
function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (UUID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

/**
 * The audit trail of a problem, newest first: the problem itself, its measures, its evidence
 * (uploads, reviews, integrity checks), its findings, every plan version submitted, every progress
 * report (on a measure or on the whole problem) and every extension request — with `refs` naming
 * every id the entries mention.
 */
export async function getProblemHistory(actor: Actor, id: string): Promise<ProblemHistory> {
  authorize(actor, "problem.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    select: {
      id: true,
      measures: { select: { id: true, seq: true, description: true } },
      evidence: { select: { id: true, kind: true, originalName: true } },
      findings: { select: { id: true } },
      plans: { select: { id: true, versionNo: true } },
      progressReports: { select: { id: true, percent: true, createdAt: true } },
      extensions: { select: { id: true, oldDeadline: true, newDeadline: true } },
    },
  });
  if (!problem) throw new NotFound("Problem not found");
  const ids = (rows: { id: string }[]) => ({ in: rows.map((r) => r.id) });
  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { entityType: "Problem", entityId: id },
        { entityType: "Measure", entityId: ids(problem.measures) },
        { entityType: "Evidence", entityId: ids(problem.evidence) },
        { entityType: "RectificationFinding", entityId: ids(problem.findings) },
        // Submissions only: a plan's decision is the problem's own workflow step.
        { entityType: "RectificationPlan", entityId: ids(problem.plans), action: "create" },
        { entityType: "ProgressReport", entityId: ids(problem.progressReports) },
        // Requests only: a decision is recorded on the problem (its deadline) and here.
        { entityType: "Extension", entityId: ids(problem.extensions), action: "request" },
      ],
    },
    orderBy: { id: "desc" },
    take: 500,
    include: { actor: { select: { displayName: true } } },
  });

  const refs: Record<string, HistoryRef> = {};
  for (const m of problem.measures) refs[m.id] = { type: "measure", seq: m.seq, description: m.description };
  for (const e of problem.evidence) refs[e.id] = { type: "evidence", kind: e.kind, name: e.originalName };
  for (const p of problem.plans) refs[p.id] = { type: "plan", versionNo: p.versionNo };
  for (const r of problem.progressReports) refs[r.id] = { type: "report", percent: r.percent, at: r.createdAt.toISOString() };
  for (const x of problem.extensions) {
    refs[x.id] = { type: "extension", from: formatCalendarDate(x.oldDeadline), to: formatCalendarDate(x.newDeadline) };
  }
  // Units and people the entries mention (lead units, owners, reporters' units, lead officials…).
  const mentioned = new Set<string>();
  for (const r of rows) {
    collectIds(r.before, mentioned);
    collectIds(r.after, mentioned);
  }
  const unknown = [...mentioned].filter((x) => !(x in refs) && x !== id);
  if (unknown.length) {
    const [units, users] = await Promise.all([
      db.unit.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true } }),
      db.user.findMany({ where: { id: { in: unknown } }, select: { id: true, displayName: true } }),
    ]);
    for (const u of units) refs[u.id] = { type: "unit", name: u.name };
    for (const u of users) refs[u.id] = { type: "user", name: u.displayName };
  }

  const items = rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actor?.displayName ?? null,
    action: r.action,
    entityType: r.entityType,
    subject: r.entityType === "Problem" ? null : (refs[r.entityId] ?? null),
    before: r.before,
    after: r.after,
  }));
  return { items, refs };
}
