import "server-only";
import { db } from "../../db";
import { HOME_CITY_CODE, INDICATOR_CODES, INDICATORS, type IndicatorCodeName, PROVINCE_CODE } from "../../domain/indicators";
import type { RankedUnit } from "../../domain/ranking";
import { type WhatIfResult, whatIf } from "../../domain/what-if";
import { type Actor, authorize } from "../../permissions";
import { derivedCityWaterSeries, isWaterIndicator } from "../sections/derived-water-values";
import { rankScope } from "./get-rankings";

export type Standing = {
  indicator: IndicatorCodeName;
  month: RankedUnit | null;
  ytd: RankedUnit | null;
  provincialAverageMonth: string | null;
  provincialAverageYtd: string | null;
  /** Home city's year-to-date value minus the province's (in the indicator's unit); null when either is missing. */
  gapYtd: number | null;
  /** Change of the home city's year-to-date value against the same period last year; null without last year's figure. */
  changeYtd: number | null;
  cities: number;
};

/** The latest month that has year-to-date data for the home city. */
export async function latestPeriod(): Promise<{ year: number; month: number } | null> {
  const row = await db.indicatorValue.findFirst({
    where: { unitCode: HOME_CITY_CODE, cumulative: true },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { year: true, month: true },
  });
  return row;
}

/** Where the city stands in the province on every indicator, this month and year to date, with the target-line badges. */
export async function getCityStanding(actor: Actor, period?: { year: number; month: number }) {
  authorize(actor, "indicator.read");
  const at = period ?? (await latestPeriod());
  if (!at) return { period: null, standings: [] as Standing[] };
  const standings = await Promise.all(
    INDICATOR_CODES.map(async (indicator): Promise<Standing> => {
      const [month, ytd] = await Promise.all([
        rankScope("PROVINCE_CITIES", indicator, at.year, at.month, false),
        rankScope("PROVINCE_CITIES", indicator, at.year, at.month, true),
      ]);
      const home = (r: typeof month) => r.items.find((i) => i.unitCode === HOME_CITY_CODE) ?? null;
      const homeYtd = home(ytd);
      const lastYear = await db.indicatorValue.findUnique({
        where: {
          unitCode_indicator_year_month_cumulative: {
            unitCode: HOME_CITY_CODE,
            indicator,
            year: at.year - 1,
            month: at.month,
            cumulative: true,
          },
        },
        select: { valueText: true },
      });
      return {
        indicator,
        month: home(month),
        ytd: homeYtd,
        provincialAverageMonth: month.provincialAverage,
        provincialAverageYtd: ytd.provincialAverage,
        gapYtd:
          homeYtd?.value != null && ytd.provincialAverage != null
            ? Math.round((Number(homeYtd.value) - Number(ytd.provincialAverage)) * 100) / 100
            : null,
        changeYtd:
          homeYtd?.value != null && lastYear
            ? Math.round((Number(homeYtd.value) - Number(lastYear.valueText)) * 100) / 100
            : null,
        cities: ytd.items.filter((i) => i.rank !== null).length,
      };
    }),
  );
  return { period: at, standings };
}

/** 24 months of an indicator for the home city and the province (for the trend chart). */
export async function getTrend(actor: Actor, indicator: IndicatorCodeName, cumulative: boolean) {
  authorize(actor, "indicator.read");
  const rows = await db.indicatorValue.findMany({
    where: { indicator, cumulative, unitCode: { in: [HOME_CITY_CODE, PROVINCE_CODE] } },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    take: 48,
    select: { unitCode: true, year: true, month: true, valueText: true },
  });
  // Water shares: the city's value derived from the section results where none was imported.
  const derived = isWaterIndicator(indicator) ? await derivedCityWaterSeries(indicator, cumulative) : new Map<string, string>();
  const periods = [...new Set([...rows.map((r) => `${r.year}-${String(r.month).padStart(2, "0")}`), ...derived.keys()])]
    .sort()
    .slice(-24);
  const series = (unit: string) =>
    periods.map(
      (p) =>
        rows.find((r) => r.unitCode === unit && `${r.year}-${String(r.month).padStart(2, "0")}` === p)?.valueText ??
        (unit === HOME_CITY_CODE ? (derived.get(p) ?? null) : null),
    );
  return { indicator, cumulative, periods, city: series(HOME_CITY_CODE), province: series(PROVINCE_CODE) };
}

/**
 * What each district needs over the rest of the year to end above the provincial average and in the
 * top three of the city's districts, assuming both stay where they are now.
 */
export async function getDistrictWhatIf(actor: Actor, indicator: IndicatorCodeName, period?: { year: number; month: number }) {
  authorize(actor, "indicator.read");
  const at = period ?? (await latestPeriod());
  if (!at) return { period: null, items: [] };
  const ranking = await rankScope("CITY_DISTRICTS", indicator, at.year, at.month, true);
  const meta = INDICATORS[indicator];
  const third = ranking.items.filter((i) => i.rank !== null && i.rank <= 3).at(-1)?.value ?? null;
  const items = ranking.items
    .filter((i) => i.value !== null)
    .map((i) => {
      const base = { ytd: Number(i.value), monthsDone: at.month, direction: meta.direction, min: meta.min, max: meta.max };
      const toAverage: WhatIfResult | null =
        ranking.provincialAverage === null ? null : whatIf({ ...base, target: Number(ranking.provincialAverage) });
      const toTopThree: WhatIfResult | null = third === null || i.topThree ? null : whatIf({ ...base, target: Number(third) });
      return { unitCode: i.unitCode, unitName: i.unitName, value: i.value, rank: i.rank, toAverage, toTopThree };
    });
  return { period: at, indicator, provincialAverage: ranking.provincialAverage, thirdPlaceValue: third, items };
}
