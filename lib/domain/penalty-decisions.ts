/** Pure rules of a penalty decision: its number and how long its suspensions last. */
import { addDays } from "./calendar";

/** 锡环惩〔2026〕3号: the bureau's document number, sequential per year of decision. */
export function decisionNumber(year: number, seq: number): string {
  return `锡环惩〔${year}〕${seq}号`;
}

/** The last day (inclusive) of a suspension of `months` months from `start` (a calendar date at UTC midnight). */
export function suspensionEnd(start: Date, months: number): Date {
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()));
  // 31 Aug + 6 months runs to the end of February, not into March.
  if (end.getUTCDate() !== start.getUTCDate()) end.setUTCDate(0);
  else return addDays(end, -1);
  return end;
}
