import type { ColourName } from "./colour";
import { plannedPercent } from "./colour";

/**
 * Pure rules of enforcement (专项执法): the four inspection modes, the case life cycle, case
 * numbers and the pace of a campaign's progress. No I/O; the use cases feed them what they read.
 */

export const ACTION_TYPES = [
  "VOCS_REDUCTION",
  "CONSTRUCTION_SITE",
  "SECTION_COMPLIANCE",
  "EXITED_ENTERPRISE",
  "CONSTRUCTION_PROJECT",
  "KEY_PETITION",
] as const;
export type ActionTypeName = (typeof ACTION_TYPES)[number];

export const INSPECTION_MODES = ["ALL_STAFF", "CROSS", "ESCALATED", "OFF_SITE"] as const;
export type InspectionModeName = (typeof INSPECTION_MODES)[number];

export const INSPECTION_RESULTS = ["NO_ISSUE", "FIXED_ON_SITE", "VIOLATION"] as const;
export type InspectionResultName = (typeof INSPECTION_RESULTS)[number];

export const CASE_STATUSES = ["FILED", "NOTIFIED", "DECIDED", "EXECUTED", "CLOSED"] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];

export const CASE_MEASURES = ["SEAL_UP", "PRODUCTION_LIMIT", "POLICE_TRANSFER"] as const;
export type CaseMeasureName = (typeof CASE_MEASURES)[number];

/** Enforcement officers an on-site inspection needs at least (行政处罚法: 执法人员不得少于两人). */
export const MIN_ON_SITE_OFFICERS = 2;

export type InspectorFacts = {
  id: string;
  name: string;
  /** FIELD_OFFICER accounts are the enforcement officers (执法人员) of the app. */
  isEnforcementOfficer: boolean;
  /** District of the inspector's unit (null for a city-level unit), and the person's own district. */
  unitDistrictId: string | null;
  districtId: string | null;
};

export type LeadUnitFacts = { kind: string; districtId: string | null };

export type InspectionRuleInput = {
  mode: InspectionModeName;
  enterpriseDistrictId: string;
  inspectors: readonly InspectorFacts[];
  leadUnit: LeadUnitFacts;
  clueId: string | null | undefined;
};

export type InspectionRule = "ON_SITE_TWO_OFFICERS" | "CROSS_NO_LOCAL_INSPECTOR" | "ESCALATED_CITY_LEVEL" | "OFF_SITE_CLUE";

export type RuleBreach = { rule: InspectionRule; field: "inspectorIds" | "leadUnitId" | "clueId"; message: string };

/** A unit of the city itself (bureau, its divisions, affiliated units such as the enforcement detachment), not of a district. */
export function isCityLevelUnit(unit: LeadUnitFacts): boolean {
  return unit.districtId === null && unit.kind !== "DISTRICT_GOVERNMENT";
}

/**
 * The mode rules, each refused with the rule named: an on-site inspection (every mode but
 * OFF_SITE) has at least two enforcement officers; CROSS — no inspector belongs to a unit of the
 * enterprise's district (nor is a person of that district); ESCALATED — the lead unit is
 * city-level; OFF_SITE — cites a clue.
 */
export function inspectionRuleBreaches(input: InspectionRuleInput): RuleBreach[] {
  const out: RuleBreach[] = [];
  if (input.mode !== "OFF_SITE") {
    const officers = input.inspectors.filter((i) => i.isEnforcementOfficer).length;
    if (officers < MIN_ON_SITE_OFFICERS) {
      out.push({
        rule: "ON_SITE_TWO_OFFICERS",
        field: "inspectorIds",
        message: `现场检查须有至少${MIN_ON_SITE_OFFICERS}名执法人员（现有${officers}名）`,
      });
    }
  }
  if (input.mode === "CROSS") {
    const local = input.inspectors.filter(
      (i) => i.unitDistrictId === input.enterpriseDistrictId || i.districtId === input.enterpriseDistrictId,
    );
    if (local.length) {
      out.push({
        rule: "CROSS_NO_LOCAL_INSPECTOR",
        field: "inspectorIds",
        message: `交叉执法不得由企业所在地的执法人员参加：${local.map((i) => i.name).join("、")}`,
      });
    }
  }
  if (input.mode === "ESCALATED" && !isCityLevelUnit(input.leadUnit)) {
    out.push({ rule: "ESCALATED_CITY_LEVEL", field: "leadUnitId", message: "提级执法须由市级单位（执法支队）牵头" });
  }
  if (input.mode === "OFF_SITE" && !input.clueId) {
    out.push({ rule: "OFF_SITE_CLUE", field: "clueId", message: "非现场执法须引用一条线索" });
  }
  return out;
}

/** The one forward step of each case state, and the date field it stamps. */
export const CASE_NEXT: Record<CaseStatusName, { to: CaseStatusName; dateField: CaseDateField } | null> = {
  FILED: { to: "NOTIFIED", dateField: "notifiedOn" },
  NOTIFIED: { to: "DECIDED", dateField: "decidedOn" },
  DECIDED: { to: "EXECUTED", dateField: "executedOn" },
  EXECUTED: { to: "CLOSED", dateField: "closedOn" },
  CLOSED: null,
};
export type CaseDateField = "notifiedOn" | "decidedOn" | "executedOn" | "closedOn";

/** Whether a case may move from `from` to `to` (only the next state; no skipping, no going back). */
export function canMoveCase(from: CaseStatusName, to: CaseStatusName): boolean {
  return CASE_NEXT[from]?.to === to;
}

/** Date of a step: not before the previous step's date (dates as YYYY-MM-DD compare as text). */
export function caseDateInOrder(previous: string, next: string): boolean {
  return next >= previous;
}

/** Case number of the year, e.g. 锡环罚〔2026〕12号 (prefix: the city's short name + 环罚). */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error("case sequence starts at 1");
  return `${prefix}〔${year}〕${seq}号`;
}

/** Case-number prefix of Wuxi (锡 = the city's short name). */
export const CASE_NUMBER_PREFIX = "锡环罚";

/**
 * Colour of one campaign target by pace (序时进度), as problems are coloured: BLUE target met;
 * RED period over and not met; YELLOW inspected share behind the planned share of the period by
 * more than `marginPct` points; GREEN otherwise. `today` and the period ends are calendar days.
 */
export function campaignPaceColour(
  inspected: number,
  target: number,
  period: { startsOn: Date; endsOn: Date },
  today: Date,
  marginPct: number,
): { colour: ColourName; percent: number; plannedPercent: number } {
  const percent = target <= 0 ? 100 : Math.min(100, Math.round((100 * inspected) / target));
  const planned = plannedPercent(period.startsOn, period.endsOn, today) ?? 0;
  if (target <= 0 || inspected >= target) return { colour: "BLUE", percent, plannedPercent: planned };
  if (today.getTime() > period.endsOn.getTime()) return { colour: "RED", percent, plannedPercent: planned };
  if (percent < planned - marginPct) return { colour: "YELLOW", percent, plannedPercent: planned };
  return { colour: "GREEN", percent, plannedPercent: planned };
}
