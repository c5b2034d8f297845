import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { plannedPercent } from "../../domain/colour";
import { isOverdue, overdueDays } from "../../domain/problem-rules";
import type { Settings } from "../../domain/settings";
import { allowedActions, type WorkflowActor, type WorkflowContext } from "../../domain/workflow";
import { actionLink, ROUTED_ACTIONS } from "../../domain/workflow-routes";
import type { Locale } from "../../schemas/parse";
import type { ProblemDto } from "../../schemas/problem";
import { colourReasonOf, type OpenMeasures } from "./colour-reason";

export const problemInclude = {
  district: { select: { code: true, name: true, nameEn: true } },
  leadOfficial: { select: { displayName: true } },
  leadUnit: { select: { name: true, nameEn: true } },
  coUnits: { select: { unitId: true } },
} satisfies Prisma.ProblemInclude;

export const problemWithMeasuresInclude = {
  ...problemInclude,
  measures: { orderBy: { seq: "asc" }, include: { ownerUnit: { select: { name: true, nameEn: true } } } },
} satisfies Prisma.ProblemInclude;

type ProblemRow = Prisma.ProblemGetPayload<{ include: typeof problemInclude }>;
type ProblemWithMeasures = Prisma.ProblemGetPayload<{ include: typeof problemWithMeasuresInclude }>;
type DtoOptions = {
  actor?: WorkflowActor;
  checklist?: WorkflowContext["checklist"];
  /** The thresholds in force: with them the DTO carries `colourReason`. */
  settings?: Pick<Settings, "paceMarginPct" | "dueSoonDays">;
  locale?: Locale;
};

/** Open measures: counted from the loaded measures, or as read for a list (`withOpenMeasures`). */
function openMeasuresOf(p: ProblemRow | ProblemWithMeasures): number {
  if ("measures" in p) return p.measures.filter((m) => m.status !== "DONE").length;
  const n = (p as Partial<OpenMeasures>).openMeasures;
  if (n === undefined) throw new Error("A colour reason needs the open measures: read the rows with withOpenMeasures");
  return n;
}

/**
 * The API shape of a problem. With `actor` and the measures loaded, `allowedActions` lists the
 * workflow actions that person may take now (plan decisions go through the plan, not listed here).
 * Applying for acceptance is listed only when the caller passes the closure `checklist` as complete.
 */
export function toProblemDto(p: ProblemRow, now?: Date, opts?: DtoOptions & { settings?: undefined }): ProblemDto;
export function toProblemDto(p: (ProblemRow & OpenMeasures) | ProblemWithMeasures, now?: Date, opts?: DtoOptions): ProblemDto;
export function toProblemDto(p: ProblemRow | ProblemWithMeasures, now: Date = clockNow(), opts: DtoOptions = {}): ProblemDto {
  const today = bureauToday(now);
  // Names of districts and units in the reader's language where an English one is kept.
  const named = (x: { name: string; nameEn: string }) => (opts.locale === "en" && x.nameEn ? x.nameEn : x.name);
  const dto: ProblemDto = {
    id: p.id,
    code: p.code,
    title: p.title,
    description: p.description,
    source: p.source,
    round: p.round,
    category: p.category,
    districtCode: p.district.code,
    districtName: named(p.district),
    locationText: p.locationText,
    lat: p.lat === null ? null : Number(p.lat),
    lng: p.lng === null ? null : Number(p.lng),
    status: p.status,
    deadlineBand: p.deadlineBand,
    deadline: p.deadline ? formatCalendarDate(p.deadline) : null,
    leadOfficialId: p.leadOfficialId,
    leadOfficialName: p.leadOfficial?.displayName ?? null,
    leadUnitId: p.leadUnitId,
    leadUnitName: named(p.leadUnit),
    coUnitIds: p.coUnits.map((c) => c.unitId).sort(),
    acceptanceUnitId: p.acceptanceUnitId,
    responsiblePerson: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone,
    target: p.target,
    progress: p.progress,
    colour: p.colour,
    ...(opts.settings && { colourReason: colourReasonOf({ ...p, openMeasures: openMeasuresOf(p) }, today, opts.settings) }),
    plannedPercent: p.status === "CLOSED" || p.status === "ONGOING" ? null : plannedPercent(p.assignedAt, p.deadline, today),
    originalDeadline: p.originalDeadline ? formatCalendarDate(p.originalDeadline) : null,
    extensionCount: p.extensionCount,
    returnCount: p.returnCount,
    escalation: p.escalation,
    overdue: isOverdue(p, today),
    overdueDays: overdueDays(p, today),
    relapse: p.relapse,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
  if ("measures" in p) {
    dto.measures = p.measures.map((m) => ({
      id: m.id,
      seq: m.seq,
      description: m.description,
      ownerUnitId: m.ownerUnitId,
      ownerUnitName: m.ownerUnit ? named(m.ownerUnit) : null,
      ownerPerson: m.ownerPerson,
      milestone: m.milestone ? formatCalendarDate(m.milestone) : null,
      status: m.status,
      percent: m.percent,
      weight: m.weight,
      completedAt: m.completedAt ? m.completedAt.toISOString() : null,
      version: m.version,
    }));
    if (opts.actor) {
      const context = { measures: p.measures, pendingPlan: false, checklist: opts.checklist };
      dto.allowedActions = allowedActions(p, opts.actor, context, ROUTED_ACTIONS).map((a) =>
        actionLink(a as (typeof ROUTED_ACTIONS)[number], p.id),
      );
    }
  }
  return dto;
}

/** The fields kept in the audit log for a problem (what a reviewer compares). */
export function auditSnapshot(p: ProblemRow) {
  const dto = toProblemDto(p);
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    overdue: _o,
    overdueDays: _d,
    plannedPercent: _pp,
    colourReason: _cr,
    allowedActions: _aa,
    measures: _m,
    districtName: _dn,
    leadOfficialName: _ln,
    leadUnitName: _lu,
    ...rest
  } = dto;
  return rest;
}
