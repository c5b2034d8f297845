import { daysBetween } from "./calendar";
import { type ColourName, colourGrade } from "./colour";
import type { ProblemStatusName } from "./enums";
import type { Settings } from "./settings";

/**
 * The bottom line (守牢安全底线): pure rules of hazard sweeps, the closure of closed chemical
 * enterprises and parks' three-level prevention. No I/O; unit-tested.
 */

export const HAZARD_LEVELS = ["GENERAL", "MAJOR", "SEVERE"] as const;
export type HazardLevelName = (typeof HAZARD_LEVELS)[number];
export const CHECK_VERDICTS = ["PASS", "FAIL", "NOT_APPLICABLE"] as const;
export type CheckVerdictName = (typeof CHECK_VERDICTS)[number];
export const CLOSURE_STAGES = [
  "STOPPED",
  "MATERIALS_CLEARED",
  "EQUIPMENT_DISMANTLED",
  "SITE_INVESTIGATED",
  "REMEDIATED",
  "VERIFIED",
] as const;
export type ClosureStageName = (typeof CLOSURE_STAGES)[number];
/** The only stage a firm may skip (with a reason): remediation, when the site investigation finds none is needed. */
export const SKIPPABLE_STAGES: readonly ClosureStageName[] = ["REMEDIATED"];
export const PARK_KINDS = ["CHEMICAL_PARK", "CONCENTRATION_ZONE", "HEAVY_METAL_PARK"] as const;
export const PREVENTION_LEVELS = ["ENTERPRISE", "PARK", "WATER_BODY"] as const;
export type PreventionLevelName = (typeof PREVENTION_LEVELS)[number];
export const PREVENTION_ITEM_KINDS = [
  "EMERGENCY_POOL",
  "RAIN_SEWAGE_GATE",
  "CLOSURE_VALVE",
  "INTERCEPTION_DAM",
  "DRILL",
] as const;
export const ASSESSMENT_RESULTS = ["ADEQUATE", "PARTIAL", "INADEQUATE"] as const;

// ── checklist verdicts ──

export type ChecklistAnswer = {
  itemId: string;
  verdict: CheckVerdictName;
  hazard?: { level: HazardLevelName; deadline: Date } | null;
};

/** What is wrong with one answer (an i18n key under `bottomLineValidation`), by its index in the answers. */
export type ChecklistIssue = { index: number | null; field: string; key: string };

export type ChecklistSummary = { pass: number; fail: number; notApplicable: number; outcome: "CLEAR" | "HAZARDS" };

/**
 * Checks a target's answers against the template's items: every item answered exactly once, no
 * answer to an item the template lacks, each FAIL carrying a hazard (level and a deadline not
 * before `today`), no hazard on a PASS or NOT_APPLICABLE. Returns the issues (empty when valid)
 * and the counts; a target with any FAIL has HAZARDS.
 */
export function checkChecklist(
  itemIds: readonly string[],
  answers: readonly ChecklistAnswer[],
  today: Date,
): { issues: ChecklistIssue[]; summary: ChecklistSummary } {
  const issues: ChecklistIssue[] = [];
  const known = new Set(itemIds);
  const seen = new Set<string>();
  const summary: ChecklistSummary = { pass: 0, fail: 0, notApplicable: 0, outcome: "CLEAR" };
  answers.forEach((a, index) => {
    if (!known.has(a.itemId)) issues.push({ index, field: "itemId", key: "unknownItem" });
    else if (seen.has(a.itemId)) issues.push({ index, field: "itemId", key: "itemTwice" });
    seen.add(a.itemId);
    if (a.verdict === "FAIL") {
      summary.fail++;
      if (!a.hazard) issues.push({ index, field: "hazard", key: "hazardRequired" });
      else if (a.hazard.deadline.getTime() < today.getTime())
        issues.push({ index, field: "hazard.deadline", key: "deadlinePast" });
    } else {
      if (a.verdict === "PASS") summary.pass++;
      else summary.notApplicable++;
      if (a.hazard) issues.push({ index, field: "hazard", key: "hazardOnlyOnFail" });
    }
  });
  if (itemIds.some((id) => !seen.has(id))) issues.push({ index: null, field: "results", key: "itemsMissing" });
  summary.outcome = summary.fail > 0 ? "HAZARDS" : "CLEAR";
  return { issues, summary };
}

// ── hazards ──

export type HazardColourInput = {
  deadline: Date;
  createdAt: Date;
  /** The ledger problem made from it, if any: then its colour is the problem's. */
  problem: { status: ProblemStatusName; colour: ColourName } | null;
};

/**
 * A hazard is coloured like a problem: by its problem once it is one; before that as a registered
 * problem with one open measure and no progress, started when the hazard was found — RED past its
 * deadline, YELLOW when due soon or behind pace, GREEN otherwise.
 */
export function hazardColour(
  h: HazardColourInput,
  today: Date,
  settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): ColourName {
  if (h.problem) return h.problem.colour;
  return colourGrade(
    { status: "REGISTERED", deadline: h.deadline, startDate: h.createdAt, progress: 0, returnCount: 0, openMeasures: 1 },
    today,
    settings,
  ).colour;
}

/** A hazard is open until the problem made from it is closed. */
export function hazardIsOpen(h: { problem: { status: ProblemStatusName } | null }): boolean {
  return h.problem?.status !== "CLOSED";
}

export function hazardIsOverdue(h: { deadline: Date; problem: { status: ProblemStatusName } | null }, today: Date): boolean {
  return hazardIsOpen(h) && h.deadline.getTime() < today.getTime();
}

/** The ledger deadline band of a hazard's deadline (DOMAIN: immediate, short ≤ 1 y, mid 1–3 y, long 3–5 y). */
export function deadlineBandFor(deadline: Date, today: Date): "IMMEDIATE" | "SHORT" | "MID" | "LONG" {
  const days = daysBetween(today, deadline);
  if (days <= 30) return "IMMEDIATE";
  if (days <= 366) return "SHORT";
  if (days <= 3 * 366) return "MID";
  return "LONG";
}

// ── sweep progress ──

export type DistrictProgress = { districtId: string; total: number; checked: number; percent: number };

/** Checked targets against all targets, per district (in the order districts first appear) and in all. */
export function sweepProgress(targets: readonly { districtId: string; checked: boolean }[]): {
  byDistrict: DistrictProgress[];
  total: number;
  checked: number;
  percent: number;
} {
  const map = new Map<string, DistrictProgress>();
  for (const t of targets) {
    const row = map.get(t.districtId) ?? { districtId: t.districtId, total: 0, checked: 0, percent: 0 };
    row.total++;
    if (t.checked) row.checked++;
    map.set(t.districtId, row);
  }
  const pct = (c: number, n: number) => (n === 0 ? 0 : Math.floor((100 * c) / n));
  const byDistrict = [...map.values()].map((r) => ({ ...r, percent: pct(r.checked, r.total) }));
  const checked = targets.filter((t) => t.checked).length;
  return { byDistrict, total: targets.length, checked, percent: pct(checked, targets.length) };
}

export const SWEEP_STATES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "OVERDUE"] as const;
export type SweepState = (typeof SWEEP_STATES)[number];

/**
 * Where a sweep stands on `today` (calendar days "YYYY-MM-DD") over the targets a person sees:
 * not started before its first day; done once every target is checked (nothing left to check
 * counts as done); overdue after its last day with targets unchecked; else in progress.
 */
export function sweepState(
  sweep: { startsOn: string; endsOn: string },
  progress: { total: number; checked: number },
  today: string,
): SweepState {
  if (today < sweep.startsOn) return "NOT_STARTED";
  if (progress.checked >= progress.total) return "DONE";
  if (today > sweep.endsOn) return "OVERDUE";
  return "IN_PROGRESS";
}

// ── closure stages ──

export type StageRecord = { stage: ClosureStageName; completedOn: Date | null; skipped: boolean };

export type StageRefusal =
  | { key: "stageRecorded"; stage: ClosureStageName }
  | { key: "stageMissing"; stage: ClosureStageName }
  | { key: "stageNotSkippable"; stage: ClosureStageName }
  | { key: "skipReasonRequired"; stage: ClosureStageName }
  | { key: "dateRequired"; stage: ClosureStageName }
  | { key: "dateBeforePrevious"; stage: ClosureStageName };

/**
 * May `next` be recorded after `records`? Stages go in order: every earlier stage must be recorded
 * (done or skipped) — the first missing one is named; a stage is recorded once; only REMEDIATED
 * may be skipped, and only with a reason; a done stage needs its date, not before the date of the
 * last done stage before it. Null when it may.
 */
export function stageRefusal(
  records: readonly StageRecord[],
  next: { stage: ClosureStageName; completedOn: Date | null; skipped: boolean; skipReason?: string | null },
): StageRefusal | null {
  const stage = next.stage;
  if (records.some((r) => r.stage === stage)) return { key: "stageRecorded", stage };
  const index = CLOSURE_STAGES.indexOf(stage);
  const missing = CLOSURE_STAGES.slice(0, index).find((s) => !records.some((r) => r.stage === s));
  if (missing) return { key: "stageMissing", stage: missing };
  if (next.skipped) {
    if (!SKIPPABLE_STAGES.includes(stage)) return { key: "stageNotSkippable", stage };
    if (!next.skipReason?.trim()) return { key: "skipReasonRequired", stage };
    return null;
  }
  if (!next.completedOn) return { key: "dateRequired", stage };
  const previous = CLOSURE_STAGES.slice(0, index)
    .map((s) => records.find((r) => r.stage === s)?.completedOn ?? null)
    .filter((d): d is Date => d !== null)
    .at(-1);
  if (previous && next.completedOn.getTime() < previous.getTime()) {
    const before = CLOSURE_STAGES.slice(0, index)
      .filter((s) => records.find((r) => r.stage === s)?.completedOn)
      .at(-1);
    return { key: "dateBeforePrevious", stage: before ?? stage };
  }
  return null;
}

/** The last stage reached (done or skipped, in order) and the next one due; `next` is null once VERIFIED. */
export function closureStageOf(records: readonly StageRecord[]): {
  reached: ClosureStageName | null;
  next: ClosureStageName | null;
  done: number;
} {
  let reached: ClosureStageName | null = null;
  let done = 0;
  for (const s of CLOSURE_STAGES) {
    if (!records.some((r) => r.stage === s)) break;
    reached = s;
    done++;
  }
  return { reached, next: CLOSURE_STAGES[done] ?? null, done };
}

/** The first day of the window of "closed in the last N years": closures on or after it count. */
export function closedSince(today: Date, years: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
}

/** Re-checked this (calendar) year: some re-check dated in `today`'s year. */
export function recheckedThisYear(rechecks: readonly { checkedOn: Date }[], today: Date): boolean {
  return rechecks.some(
    (r) => r.checkedOn.getUTCFullYear() === today.getUTCFullYear() && r.checkedOn.getTime() <= today.getTime(),
  );
}

// ── three-level prevention ──

export type PlanItem = {
  level: PreventionLevelName;
  targetQty: number;
  doneQty: number;
  startOn: Date;
  deadline: Date;
};

export type ItemStatus = "PLANNED" | "IN_PROGRESS" | "DONE";

export function itemStatus(item: Pick<PlanItem, "targetQty" | "doneQty">): ItemStatus {
  if (item.doneQty >= item.targetQty) return "DONE";
  return item.doneQty > 0 ? "IN_PROGRESS" : "PLANNED";
}

/** Share of the target built, whole percent, capped at 100. */
export function itemPercent(item: Pick<PlanItem, "targetQty" | "doneQty">): number {
  if (item.targetQty <= 0) return 100;
  return Math.min(100, Math.floor((100 * item.doneQty) / item.targetQty));
}

/**
 * An item's colour by pace, the problems' rule (`colourGrade`): BLUE done · RED past its deadline ·
 * YELLOW behind the planned share of time from start to deadline, or due soon · GREEN on pace.
 */
export function itemColour(item: PlanItem, today: Date, settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">): ColourName {
  const done = item.doneQty >= item.targetQty;
  return colourGrade(
    {
      status: done ? "CLOSED" : "RECTIFYING",
      deadline: item.deadline,
      startDate: item.startOn,
      progress: itemPercent(item),
      returnCount: 0,
      openMeasures: done ? 0 : 1,
    },
    today,
    settings,
  ).colour;
}

const SEVERITY: Record<ColourName, number> = { BLUE: 0, GREEN: 1, YELLOW: 2, RED: 3 };

/** The worst of some colours (RED > YELLOW > GREEN > BLUE); null for none. */
export function worstColour(colours: readonly ColourName[]): ColourName | null {
  return colours.reduce<ColourName | null>((w, c) => (w === null || SEVERITY[c] > SEVERITY[w] ? c : w), null);
}

export type LevelRollUp = {
  level: PreventionLevelName;
  items: number;
  done: number;
  /** Mean of the items' percents (items have different units, so percents, not quantities, are averaged). */
  percent: number;
  /** The worst item colour: one item behind pace makes its level behind pace. Null without items. */
  colour: ColourName | null;
};

/** Per level (enterprise, park, water body) and in all: items, items done, mean percent, worst colour. */
export function rollUp(
  items: readonly PlanItem[],
  today: Date,
  settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): { levels: LevelRollUp[]; all: Omit<LevelRollUp, "level"> } {
  const summarise = (list: readonly PlanItem[]) => ({
    items: list.length,
    done: list.filter((i) => itemStatus(i) === "DONE").length,
    percent: list.length ? Math.floor(list.reduce((s, i) => s + itemPercent(i), 0) / list.length) : 0,
    colour: worstColour(list.map((i) => itemColour(i, today, settings))),
  });
  return {
    levels: PREVENTION_LEVELS.map((level) => ({ level, ...summarise(items.filter((i) => i.level === level)) })),
    all: summarise(items),
  };
}
