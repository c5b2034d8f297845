/**
 * "What does district X need in the remaining months to end the year better than a target?"
 * Year-to-date figures are treated as the mean of the monthly figures (how concentrations and
 * day ratios accumulate over equal months), so the year's final value is
 * (ytd × monthsDone + needed × monthsLeft) / 12. Pure.
 */
import type { Direction } from "./ranking";

export type WhatIfInput = {
  /** Year-to-date value through `monthsDone`. */
  ytd: number;
  monthsDone: number;
  /** The value to beat at the end of the year (e.g. today's provincial average, or the third-placed unit). */
  target: number;
  direction: Direction;
  /** The indicator's possible range, to tell whether the need is achievable at all. */
  min: number;
  max: number;
};

export type WhatIfResult =
  | { kind: "ALREADY_DECIDED"; finalValue: number; beatsTarget: boolean }
  | {
      kind: "NEEDED";
      /** The monthly average needed from now on: at most this (lower is better) or at least this (higher is better). */
      neededAverage: number;
      monthsLeft: number;
      achievable: boolean;
      /** The current pace is already enough. */
      onTrack: boolean;
    };

export function whatIf(input: WhatIfInput): WhatIfResult {
  const { ytd, monthsDone, target, direction, min, max } = input;
  if (!Number.isInteger(monthsDone) || monthsDone < 0 || monthsDone > 12) throw new RangeError("monthsDone must be 0–12");
  const better = (a: number, b: number) => (direction === "LOWER_IS_BETTER" ? a < b : a > b);
  if (monthsDone === 12) return { kind: "ALREADY_DECIDED", finalValue: ytd, beatsTarget: better(ytd, target) };
  const monthsLeft = 12 - monthsDone;
  // Solve (ytd × done + x × left) / 12 = target for x: the boundary value; better than it is needed.
  const neededAverage = (target * 12 - ytd * monthsDone) / monthsLeft;
  const achievable = direction === "LOWER_IS_BETTER" ? neededAverage > min : neededAverage < max;
  const onTrack = monthsDone > 0 && better(ytd, target);
  return { kind: "NEEDED", neededAverage: Math.round(neededAverage * 100) / 100, monthsLeft, achievable, onTrack };
}
