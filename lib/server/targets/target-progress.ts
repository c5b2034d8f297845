import "server-only";
import { db } from "../../db";
import { type TargetProgress, targetProgress } from "../../domain/annual-targets";
import { INDICATORS, type IndicatorCodeName } from "../../domain/indicators";
import { type Actor, authorize } from "../../permissions";
import { derivedWaterValues, isWaterIndicator } from "../sections/derived-water-values";
import { targetUnits } from "./target-units";

export type TargetLine = {
  unitCode: string;
  unitName: string;
  indicator: IndicatorCodeName;
  target: string;
  /** Year-to-date value through `month`, imported or (water shares) derived from the sections; null when unknown. */
  ytd: string | null;
  derived: boolean;
  progress: TargetProgress | null;
};

/**
 * Every annual target of `year` for the city and its districts against the year-to-date value
 * through `month`, with what the rest of the year must average.
 */
export async function getTargetProgress(
  actor: Actor,
  year: number,
  month: number,
): Promise<{ year: number; month: number; lines: TargetLine[] }> {
  authorize(actor, "indicator.read");
  const [units, targets] = await Promise.all([
    targetUnits(),
    db.annualTarget.findMany({ where: { year }, select: { unitCode: true, indicator: true, valueText: true } }),
  ]);
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const wanted = targets.filter((t) => unitName.has(t.unitCode));
  const values = await db.indicatorValue.findMany({
    where: {
      year,
      month,
      cumulative: true,
      unitCode: { in: [...new Set(wanted.map((t) => t.unitCode))] },
      indicator: { in: [...new Set(wanted.map((t) => t.indicator))] },
    },
    select: { unitCode: true, indicator: true, valueText: true },
  });
  const derived = new Map<string, Map<string, string>>();
  for (const indicator of ["WATER_GOOD_RATIO", "WATER_BAD_RATIO"] as const) {
    if (wanted.some((t) => t.indicator === indicator))
      derived.set(indicator, await derivedWaterValues(indicator, year, month, true));
  }
  const order = new Map(units.map((u, i) => [u.code, i]));
  const indicatorOrder = Object.keys(INDICATORS);
  const lines = wanted.map((t): TargetLine => {
    const published = values.find((v) => v.unitCode === t.unitCode && v.indicator === t.indicator)?.valueText ?? null;
    const fallback = isWaterIndicator(t.indicator) ? (derived.get(t.indicator)?.get(t.unitCode) ?? null) : null;
    const ytd = published ?? fallback;
    return {
      unitCode: t.unitCode,
      unitName: unitName.get(t.unitCode) as string,
      indicator: t.indicator,
      target: t.valueText,
      ytd,
      derived: published === null && fallback !== null,
      progress:
        ytd === null
          ? null
          : targetProgress({ indicator: t.indicator, year, monthsDone: month, ytd: Number(ytd), target: Number(t.valueText) }),
    };
  });
  lines.sort(
    (a, b) =>
      (order.get(a.unitCode) ?? 0) - (order.get(b.unitCode) ?? 0) ||
      indicatorOrder.indexOf(a.indicator) - indicatorOrder.indexOf(b.indicator),
  );
  return { year, month, lines };
}
