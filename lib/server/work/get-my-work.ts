import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { addDays, bureauToday, daysBetween, formatCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { MEASURE_DUE_DAYS, type MyWork, WORK_SECTION_MAX } from "../../schemas/work";
import { withOpenMeasures } from "../problems/colour-reason";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";
import { lateReportsFor } from "./late-reports";
import { type WorkContext as Ctx, problemLink, toWorkProblem, withProblemOpenMeasures, workProblemSelect } from "./work-problem";

async function problemSection(
  ctx: Ctx,
  where: Prisma.ProblemWhereInput,
  orderBy: Prisma.ProblemOrderByWithRelationInput[],
  anchor?: string,
) {
  const full: Prisma.ProblemWhereInput = { AND: [ctx.scope, where] };
  const [total, rows] = await Promise.all([
    db.problem.count({ where: full }),
    db.problem
      .findMany({
        where: full,
        select: workProblemSelect,
        orderBy: [...orderBy, { code: "asc" }],
        take: WORK_SECTION_MAX,
      })
      .then((rows) => withOpenMeasures(rows)),
  ]);
  return {
    total,
    items: rows.map((p) => ({ problem: toWorkProblem(p, ctx.today, ctx.locale, ctx.settings), link: problemLink(p.id, anchor) })),
  };
}

async function plansToApprove(ctx: Ctx) {
  const where: Prisma.RectificationPlanWhereInput = {
    status: "SUBMITTED",
    problem: { AND: [ctx.scope, { leadOfficialId: ctx.actor.id }] },
  };
  const [total, rows] = await Promise.all([
    db.rectificationPlan.count({ where }),
    db.rectificationPlan
      .findMany({
        where,
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        take: WORK_SECTION_MAX,
        select: {
          id: true,
          versionNo: true,
          submittedAt: true,
          submittedBy: { select: { displayName: true } },
          problem: { select: workProblemSelect },
        },
      })
      .then((rows) => withProblemOpenMeasures(rows)),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      planId: r.id,
      versionNo: r.versionNo,
      submittedAt: r.submittedAt.toISOString(),
      submittedByName: r.submittedBy.displayName,
      problem: toWorkProblem(r.problem, ctx.today, ctx.locale, ctx.settings),
      link: problemLink(r.problem.id, "s-plan"),
    })),
  };
}

async function extensionsToDecide(ctx: Ctx) {
  const where: Prisma.ExtensionWhereInput = {
    status: "PENDING",
    problem: { AND: [ctx.scope, { leadOfficialId: ctx.actor.id }] },
  };
  const [total, rows] = await Promise.all([
    db.extension.count({ where }),
    db.extension
      .findMany({
        where,
        orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
        take: WORK_SECTION_MAX,
        select: {
          id: true,
          oldDeadline: true,
          newDeadline: true,
          reason: true,
          requestedAt: true,
          requestedBy: { select: { displayName: true } },
          problem: { select: workProblemSelect },
        },
      })
      .then((rows) => withProblemOpenMeasures(rows)),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      extensionId: r.id,
      oldDeadline: formatCalendarDate(r.oldDeadline),
      newDeadline: formatCalendarDate(r.newDeadline),
      reason: r.reason,
      requestedAt: r.requestedAt.toISOString(),
      requestedByName: r.requestedBy.displayName,
      problem: toWorkProblem(r.problem, ctx.today, ctx.locale, ctx.settings),
      link: problemLink(r.problem.id, "s-extensions"),
    })),
  };
}

/** Open measures of the person's unit (owned, or of a problem the unit leads) due within 14 days or already late. */
async function measuresDue(ctx: Ctx, unitId: string) {
  const where: Prisma.MeasureWhereInput = {
    status: { not: "DONE" },
    milestone: { lte: addDays(ctx.today, MEASURE_DUE_DAYS) },
    OR: [{ ownerUnitId: unitId }, { problem: { leadUnitId: unitId } }],
    problem: { AND: [ctx.scope, { status: { not: "CLOSED" } }] },
  };
  const [total, rows] = await Promise.all([
    db.measure.count({ where }),
    db.measure
      .findMany({
        where,
        orderBy: [{ milestone: "asc" }, { problem: { code: "asc" } }, { seq: "asc" }],
        take: WORK_SECTION_MAX,
        select: {
          id: true,
          seq: true,
          description: true,
          milestone: true,
          percent: true,
          status: true,
          ownerUnit: { select: { name: true, nameEn: true } },
          problem: { select: workProblemSelect },
        },
      })
      .then((rows) => withProblemOpenMeasures(rows)),
  ]);
  return {
    total,
    items: rows.map((m) => {
      const milestone = m.milestone as Date;
      return {
        measureId: m.id,
        seq: m.seq,
        description: m.description,
        ownerUnitName: m.ownerUnit ? (ctx.locale === "en" && m.ownerUnit.nameEn ? m.ownerUnit.nameEn : m.ownerUnit.name) : null,
        milestone: formatCalendarDate(milestone),
        daysLeft: daysBetween(ctx.today, milestone),
        percent: m.percent,
        status: m.status,
        problem: toWorkProblem(m.problem, ctx.today, ctx.locale, ctx.settings),
        link: problemLink(m.problem.id, "s-measures"),
      };
    }),
  };
}

const OPEN: Prisma.ProblemWhereInput = { status: { not: "CLOSED" } };
const AT_RISK: Prisma.ProblemWhereInput = { colour: { in: ["RED", "YELLOW"] }, ...OPEN };
// Colours are declared BLUE, GREEN, YELLOW, RED: descending puts RED first.
const AT_RISK_ORDER: Prisma.ProblemOrderByWithRelationInput[] = [
  { colour: "desc" },
  { deadline: { sort: "asc", nulls: "last" } },
];

/**
 * "My work" (我的工作): what needs the signed-in person today, by role, each item linking to the
 * place on the problem page where it is handled. Every section is limited to the person's data
 * scope, holds at most 50 items and says how many there are in all.
 *
 * - LEADER: plans to approve and extensions to decide on the problems they lead (as lead
 *   official), and those problems that are RED or YELLOW.
 * - DIVISION_HEAD: assigned problems of the division still without a plan, the unit's measures
 *   due within 14 days or overdue, its missing progress reports, and RED/YELLOW problems it leads.
 * - FIELD_OFFICER: the unit's measures due and its missing progress reports.
 * - COORDINATOR: problems to assign, problems waiting for acceptance, and every missing report.
 * - ADMIN, VIEWER: nothing is theirs to do; no sections.
 */
export async function getMyWork(actor: Actor, opts: { locale?: Locale; now?: Date } = {}): Promise<MyWork> {
  authorize(actor, "work.read");
  const now = opts.now ?? clockNow();
  const ctx: Ctx = {
    actor,
    scope: problemScope(actor),
    now,
    today: bureauToday(now),
    locale: opts.locale ?? "zh-CN",
    settings: await getSettings(),
  };
  const work: MyWork = { role: actor.role, today: formatCalendarDate(ctx.today) };
  const unitId = actor.unitId;

  switch (actor.role) {
    case "LEADER": {
      const [plans, extensions, atRisk] = await Promise.all([
        plansToApprove(ctx),
        extensionsToDecide(ctx),
        problemSection(ctx, { ...AT_RISK, leadOfficialId: actor.id }, AT_RISK_ORDER),
      ]);
      Object.assign(work, { plansToApprove: plans, extensionsToDecide: extensions, atRisk });
      break;
    }
    case "DIVISION_HEAD": {
      if (!unitId) break;
      const [plansToWrite, measures, reports, atRisk] = await Promise.all([
        problemSection(
          ctx,
          { leadUnitId: unitId, status: "ASSIGNED", plans: { none: { status: { in: ["SUBMITTED", "APPROVED"] } } } },
          [{ deadline: { sort: "asc", nulls: "last" } }],
          "s-plan",
        ),
        measuresDue(ctx, unitId),
        lateReportsFor(ctx, { unitId }),
        problemSection(ctx, { ...AT_RISK, leadUnitId: unitId }, AT_RISK_ORDER),
      ]);
      Object.assign(work, { plansToWrite, measuresDue: measures, reportsMissing: reports, atRisk });
      break;
    }
    case "FIELD_OFFICER": {
      if (!unitId) break;
      const [measures, reports] = await Promise.all([measuresDue(ctx, unitId), lateReportsFor(ctx, { unitId })]);
      Object.assign(work, { measuresDue: measures, reportsMissing: reports });
      break;
    }
    case "COORDINATOR": {
      const [toAssign, pendingAcceptance, reports] = await Promise.all([
        problemSection(ctx, { status: "REGISTERED" }, [{ createdAt: "asc" }], "s-workflow"),
        problemSection(ctx, { status: "PENDING_ACCEPTANCE" }, [{ updatedAt: "asc" }], "s-workflow"),
        lateReportsFor(ctx, {}),
      ]);
      Object.assign(work, { toAssign, pendingAcceptance, reportsMissing: reports });
      break;
    }
    case "ADMIN":
    case "VIEWER":
      break;
  }
  return work;
}
