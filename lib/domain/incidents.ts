/** Sudden environmental incidents (突发环境事件): types, levels, and the month-by-month count against last year. */

export const INCIDENT_TYPES = ["WATER", "AIR", "SOIL", "CHEMICAL_LEAK", "SOLID_WASTE", "OTHER"] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** 一般 / 较大 / 重大 / 特别重大, from least to most severe. */
export const INCIDENT_LEVELS = ["GENERAL", "LARGER", "MAJOR", "GRAVE"] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

export type MonthlyCount = { month: number; thisYear: number; lastYear: number };

/**
 * Incidents per month of `year` and of the year before (days as YYYY-MM-DD). Months of this year
 * after `today` are left null, so a chart does not draw a drop to zero that has not happened.
 */
export function monthlyCounts(
  days: readonly string[],
  year: number,
  today: string,
): { month: number; thisYear: number | null; lastYear: number }[] {
  const thisYear = new Array<number>(12).fill(0);
  const lastYear = new Array<number>(12).fill(0);
  for (const d of days) {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7)) - 1;
    if (m < 0 || m > 11) continue;
    if (y === year) thisYear[m] = (thisYear[m] ?? 0) + 1;
    else if (y === year - 1) lastYear[m] = (lastYear[m] ?? 0) + 1;
  }
  const currentMonth = Number(today.slice(0, 4)) > year ? 12 : Number(today.slice(0, 4)) < year ? 0 : Number(today.slice(5, 7));
  return thisYear.map((n, i) => ({ month: i + 1, thisYear: i + 1 <= currentMonth ? n : null, lastYear: lastYear[i] ?? 0 }));
}

/** This year to date against the same months of last year. */
export function yearToDate(counts: readonly { month: number; thisYear: number | null; lastYear: number }[]): {
  thisYear: number;
  lastYearSamePeriod: number;
} {
  let thisYear = 0;
  let lastYearSamePeriod = 0;
  for (const c of counts) {
    if (c.thisYear === null) continue;
    thisYear += c.thisYear;
    lastYearSamePeriod += c.lastYear;
  }
  return { thisYear, lastYearSamePeriod };
}
