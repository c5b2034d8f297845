import "server-only";
import { db } from "../../db";
import { HOME_CITY_CODE } from "../../domain/indicators";
import { waterRatios } from "../../domain/water-sections";

export type WaterIndicator = "WATER_GOOD_RATIO" | "WATER_BAD_RATIO";

export function isWaterIndicator(indicator: string): indicator is WaterIndicator {
  return indicator === "WATER_GOOD_RATIO" || indicator === "WATER_BAD_RATIO";
}

/**
 * 优Ⅲ比例 / 劣Ⅴ比例 derived from the section results, for each district with active sections
 * and for the city (all its active sections): for the month, over the sections with a result that
 * month; year to date (`cumulative`), over every section-month of months 1..month (pooled). One
 * decimal, as published. Used where no published value was imported for the unit and period.
 */
export async function derivedWaterValues(
  indicator: WaterIndicator,
  year: number,
  month: number,
  cumulative: boolean,
): Promise<Map<string, string>> {
  const results = await db.waterSectionResult.findMany({
    where: { year, month: cumulative ? { gte: 1, lte: month } : month, section: { active: true } },
    select: { waterClass: true, section: { select: { district: { select: { code: true } } } } },
  });
  const byUnit = new Map<string, number[]>();
  for (const r of results) {
    for (const unit of [r.section.district.code, HOME_CITY_CODE]) {
      const list = byUnit.get(unit) ?? [];
      list.push(r.waterClass);
      byUnit.set(unit, list);
    }
  }
  const out = new Map<string, string>();
  for (const [unit, classes] of byUnit) {
    const ratios = waterRatios(classes);
    if (ratios) out.set(unit, indicator === "WATER_GOOD_RATIO" ? ratios.good : ratios.bad);
  }
  return out;
}

/** The city's derived value for each month that has results, "YYYY-MM" → value (for the trend chart). */
export async function derivedCityWaterSeries(indicator: WaterIndicator, cumulative: boolean): Promise<Map<string, string>> {
  const months = await db.waterSectionResult.groupBy({
    by: ["year", "month"],
    where: { section: { active: true } },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    take: 24,
  });
  const out = new Map<string, string>();
  for (const { year, month } of months) {
    const value = (await derivedWaterValues(indicator, year, month, cumulative)).get(HOME_CITY_CODE);
    if (value !== undefined) out.set(`${year}-${String(month).padStart(2, "0")}`, value);
  }
  return out;
}
