import { bureauToday, daysBetween, formatCalendarDate } from "./calendar";
import type { ProblemStatusName } from "./enums";
import { isOverdue } from "./problem-rules";
import type { Settings } from "./settings";

export const COLOURS = ["BLUE", "GREEN", "YELLOW", "RED"] as const;
export type ColourName = (typeof COLOURS)[number];

/** Why a problem has its colour; each is an i18n key under `workflow.colourReason`. */
export type ColourReason = "closed" | "overdue" | "returnedTwice" | "behindPace" | "dueSoon";

export type ColourInput = {
  status: ProblemStatusName;
  /** Calendar date (UTC midnight) or null for ONGOING problems. */
  deadline: Date | null;
  /** When rectification started (assignment), an instant; null before assignment. */
  startDate: Date | null;
  progress: number;
  returnCount: number;
  openMeasures: number;
};

export type ColourGrade = { colour: ColourName; plannedPercent: number | null; reasons: ColourReason[] };

/** Returns that make a problem RED (DOMAIN: "returned twice"). */
export const RED_RETURN_COUNT = 2;

/**
 * Planned pace (序时进度): the share of the time from start to deadline that has elapsed by
 * `today`, in whole percent (0–100). Null when there is no start or no deadline. A deadline on or
 * before the start day is 100 % planned from the start day on.
 */
export function plannedPercent(startDate: Date | null, deadline: Date | null, today: Date): number | null {
  if (!startDate || !deadline) return null;
  const start = bureauToday(startDate);
  const total = daysBetween(start, deadline);
  const elapsed = daysBetween(start, today);
  if (total <= 0) return elapsed >= 0 ? 100 : 0;
  return Math.min(100, Math.max(0, Math.round((100 * elapsed) / total)));
}

/**
 * The colour grade (DOMAIN "Deadlines, colours, escalation"):
 * BLUE closed · RED overdue or returned twice · YELLOW behind planned pace by more than
 * `paceMarginPct` points, or due within `dueSoonDays` with open measures · GREEN otherwise.
 * ONGOING (长期坚持) problems have no deadline and no pace: GREEN unless returned twice.
 * `today` is a calendar day (see `bureauToday`).
 */
export function colourGrade(
  input: ColourInput,
  today: Date,
  settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): ColourGrade {
  if (input.status === "CLOSED") return { colour: "BLUE", plannedPercent: null, reasons: ["closed"] };
  const returnedTwice = input.returnCount >= RED_RETURN_COUNT;
  if (input.status === "ONGOING") {
    return returnedTwice
      ? { colour: "RED", plannedPercent: null, reasons: ["returnedTwice"] }
      : { colour: "GREEN", plannedPercent: null, reasons: [] };
  }
  const planned = plannedPercent(input.startDate, input.deadline, today);
  const red: ColourReason[] = [];
  if (isOverdue(input, today)) red.push("overdue");
  if (returnedTwice) red.push("returnedTwice");
  if (red.length) return { colour: "RED", plannedPercent: planned, reasons: red };

  const yellow: ColourReason[] = [];
  if (planned !== null && input.progress < planned - settings.paceMarginPct) yellow.push("behindPace");
  if (input.deadline && input.openMeasures > 0 && daysBetween(today, input.deadline) <= settings.dueSoonDays) {
    yellow.push("dueSoon");
  }
  if (yellow.length) return { colour: "YELLOW", plannedPercent: planned, reasons: yellow };
  return { colour: "GREEN", plannedPercent: planned, reasons: [] };
}

/**
 * The rule that decides a colour, as a machine code (the API's `colourReason.rule`): RED —
 * OVERDUE, RETURNED_TWICE; YELLOW — BEHIND_PACE, DUE_SOON; GREEN — ON_PACE, NO_PACE (not yet
 * assigned or no deadline), ONGOING (长期坚持, never paced); BLUE — CLOSED.
 */
export const COLOUR_RULES = [
  "CLOSED",
  "OVERDUE",
  "RETURNED_TWICE",
  "BEHIND_PACE",
  "DUE_SOON",
  "ON_PACE",
  "NO_PACE",
  "ONGOING",
] as const;
export type ColourRule = (typeof COLOUR_RULES)[number];

const RULE_OF: Record<ColourReason, ColourRule> = {
  closed: "CLOSED",
  overdue: "OVERDUE",
  returnedTwice: "RETURNED_TWICE",
  behindPace: "BEHIND_PACE",
  dueSoon: "DUE_SOON",
};

/**
 * Why a problem has its colour, with the numbers the rules compared: `rule` decided the colour,
 * `rules` are all that fired at that level (a problem can be overdue and returned twice). The
 * numbers are the same ones `colourGrade` used, so the words shown can never disagree with it.
 */
export type ColourExplanation = {
  colour: ColourName;
  rule: ColourRule;
  rules: ColourRule[];
  progress: number;
  plannedPercent: number | null;
  /** plannedPercent − progress, in points; positive = behind the planned pace. */
  behindPoints: number | null;
  paceMarginPct: number;
  deadline: string | null;
  /** Days from today to the deadline (negative once overdue); null without a deadline or once closed. */
  daysLeft: number | null;
  overdueDays: number;
  dueSoonDays: number;
  returnCount: number;
  returnLimit: number;
  openMeasures: number;
};

/** The colour grade with its reason (see `colourGrade` for the rules). */
export function explainColour(
  input: ColourInput,
  today: Date,
  settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): ColourExplanation {
  const grade = colourGrade(input, today, settings);
  const fired: ColourRule[] = grade.reasons.map((r) => RULE_OF[r]);
  const green: ColourRule = input.status === "ONGOING" ? "ONGOING" : grade.plannedPercent === null ? "NO_PACE" : "ON_PACE";
  const rules: ColourRule[] = fired.length ? fired : [green];
  const rule = rules[0] ?? green;
  const running = input.status !== "CLOSED" && input.status !== "ONGOING";
  const daysLeft = running && input.deadline ? daysBetween(today, input.deadline) : null;
  return {
    colour: grade.colour,
    rule,
    rules,
    progress: input.progress,
    plannedPercent: grade.plannedPercent,
    behindPoints: grade.plannedPercent === null ? null : grade.plannedPercent - input.progress,
    paceMarginPct: settings.paceMarginPct,
    deadline: input.deadline ? formatCalendarDate(input.deadline) : null,
    daysLeft,
    overdueDays: daysLeft !== null && daysLeft < 0 ? -daysLeft : 0,
    dueSoonDays: settings.dueSoonDays,
    returnCount: input.returnCount,
    returnLimit: RED_RETURN_COUNT,
    openMeasures: input.openMeasures,
  };
}
