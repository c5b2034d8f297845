/**
 * Annual targets (年度目标): is a unit's year-to-date figure on the right side of its target, and
 * what must the rest of the year average to end the year there? Like `what-if.ts`, but weighted
 * by days (a year-to-date concentration or day ratio is the mean over the days so far), with
 * plausible bounds per indicator so an impossible need is said, not shown as "≤ 1 μg/m³". Pure.
 */
import { INDICATORS, type IndicatorCodeName } from "./indicators";
import type { Direction } from "./ranking";

/**
 * The range a month's value can plausibly take, per indicator: below the floor (or above the
 * ceiling) nothing achievable lies. PM2.5 5 μg/m³ and O₃ 40 μg/m³ are roughly the cleanest months
 * recorded in Chinese cities; ratios are bounded by 0–100 %; the indices by their cleanest
 * observed values. Documented constants, not measurements.
 */
export const PLAUSIBLE_MONTHLY: Record<IndicatorCodeName, { min: number; max: number }> = {
  PM25: { min: 5, max: 300 },
  O3_8H_90P: { min: 40, max: 400 },
  GOOD_AIR_RATIO: { min: 0, max: 100 },
  AQCI: { min: 1.5, max: 15 },
  WATER_GOOD_RATIO: { min: 0, max: 100 },
  WATER_BAD_RATIO: { min: 0, max: 100 },
  CWQI: { min: 1.5, max: 20 },
};

/**
 * How a year-to-date value accumulates: air figures over days (months weighted by their days);
 * the water shares over section-months, each month counting the same.
 */
export const YTD_WEIGHTING: Record<IndicatorCodeName, "DAYS" | "MONTHS"> = {
  PM25: "DAYS",
  O3_8H_90P: "DAYS",
  GOOD_AIR_RATIO: "DAYS",
  AQCI: "DAYS",
  WATER_GOOD_RATIO: "MONTHS",
  WATER_BAD_RATIO: "MONTHS",
  CWQI: "MONTHS",
};

export type TargetProgressInput = {
  indicator: IndicatorCodeName;
  year: number;
  /** Months of the year the year-to-date value covers (1–12). */
  monthsDone: number;
  /** Year-to-date value through `monthsDone`. */
  ytd: number;
  target: number;
};

export type TargetProgress =
  /** The year is complete. */
  | { kind: "FINAL"; met: boolean }
  /** Even the worst plausible rest of the year keeps the target. */
  | { kind: "SECURED"; metSoFar: boolean }
  /** Even the best plausible rest of the year (`bestPlausible` every month) cannot reach it. */
  | { kind: "LOST"; metSoFar: boolean; neededAverage: number; bestPlausible: number }
  | {
      kind: "NEEDED";
      metSoFar: boolean;
      /** The rest of the year must average at most (lower is better) or at least (higher is better) this. */
      neededAverage: number;
      /** The rest of the year, in the weighting's unit. */
      daysLeft: number;
      monthsLeft: number;
    };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days of months 1..months of the year. */
export function daysThrough(year: number, months: number): number {
  let days = 0;
  for (let m = 1; m <= months; m++) days += daysInMonth(year, m);
  return days;
}

/** At least as good as the target (a target is a threshold: "≥ 80 %" is met by 80 %). */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === "LOWER_IS_BETTER" ? value <= target : value >= target;
}

/** Rounds toward the safe side at the indicator's precision + 1, so the shown need is never too lax. */
function roundNeed(value: number, direction: Direction, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = value * f;
  // A tiny epsilon keeps 27.000000001 from becoming 27.1.
  return (direction === "LOWER_IS_BETTER" ? Math.floor(scaled + 1e-9) : Math.ceil(scaled - 1e-9)) / f;
}

export function targetProgress(input: TargetProgressInput): TargetProgress {
  const { indicator, year, monthsDone, ytd, target } = input;
  if (!Number.isInteger(monthsDone) || monthsDone < 1 || monthsDone > 12) throw new RangeError("monthsDone must be 1–12");
  const meta = INDICATORS[indicator];
  const direction = meta.direction;
  const metSoFar = meetsTarget(ytd, target, direction);
  if (monthsDone === 12) return { kind: "FINAL", met: metSoFar };

  const byDays = YTD_WEIGHTING[indicator] === "DAYS";
  const done = byDays ? daysThrough(year, monthsDone) : monthsDone;
  const total = byDays ? daysThrough(year, 12) : 12;
  const left = total - done;
  // Solve (ytd × done + x × left) / total = target for x: the boundary the rest of the year must not cross.
  const needed = (target * total - ytd * done) / left;
  const plausible = PLAUSIBLE_MONTHLY[indicator];
  const lower = direction === "LOWER_IS_BETTER";
  const neededAverage = roundNeed(needed, direction, meta.precision + 1);
  if (lower ? needed >= plausible.max : needed <= plausible.min) return { kind: "SECURED", metSoFar };
  if (lower ? needed < plausible.min : needed > plausible.max) {
    return { kind: "LOST", metSoFar, neededAverage, bestPlausible: lower ? plausible.min : plausible.max };
  }
  return {
    kind: "NEEDED",
    metSoFar,
    neededAverage,
    daysLeft: byDays ? left : daysThrough(year, 12) - daysThrough(year, monthsDone),
    monthsLeft: 12 - monthsDone,
  };
}
