import { db } from "../../db";
import { HOME_CITY_CODE, INDICATORS, type IndicatorCodeName, PROVINCE_CODE } from "../../domain/indicators";
import { type RankedUnit, rankUnits } from "../../domain/ranking";
import { type Actor, authorize } from "../../permissions";
import { rankingQuerySchema } from "../../schemas/indicator";
import { type Locale, parseInput } from "../../schemas/parse";
import { derivedWaterValues, isWaterIndicator } from "../sections/derived-water-values";
import { getSettings } from "../settings/get-settings";
import { computeDistrictPenalties } from "./get-penalties";

export type RankingScope = "PROVINCE_CITIES" | "CITY_DISTRICTS";
export type ScopeRanking = { provincialAverage: string | null; items: RankedUnit[] };

/**
 * Ranks the province's cities or the city's districts on one indicator for one period, with the
 * target-line badges. For districts a penalty hit that month also counts as "named".
 */
export async function rankScope(
  scope: RankingScope,
  indicator: IndicatorCodeName,
  year: number,
  month: number,
  cumulative: boolean,
  now?: Date,
): Promise<ScopeRanking> {
  const units = await db.statUnit.findMany({
    where:
      scope === "PROVINCE_CITIES"
        ? { level: "CITY", parentCode: PROVINCE_CODE }
        : { level: "DISTRICT", parentCode: HOME_CITY_CODE },
    select: { code: true, name: true },
  });
  const values = await db.indicatorValue.findMany({
    where: { indicator, year, month, cumulative, unitCode: { in: [PROVINCE_CODE, ...units.map((u) => u.code)] } },
    select: { unitCode: true, valueText: true },
  });
  const valueByUnit = new Map(values.map((v) => [v.unitCode, v.valueText]));
  // Water shares: derived from the section results where no published value was imported.
  if (isWaterIndicator(indicator)) {
    for (const [code, text] of await derivedWaterValues(indicator, year, month, cumulative)) {
      if (!valueByUnit.has(code)) valueByUnit.set(code, text);
    }
  }
  const bottomN = (await getSettings()).rankingBottomN;
  const penaltyHits =
    scope === "CITY_DISTRICTS"
      ? new Set((await computeDistrictPenalties(year, month, now)).filter((p) => p.hits.length).map((p) => p.districtCode))
      : new Set<string>();
  const provincialAverage = valueByUnit.get(PROVINCE_CODE) ?? null;
  const items = rankUnits(
    units.map((u) => ({
      unitCode: u.code,
      unitName: u.name,
      value: valueByUnit.get(u.code) ?? null,
      penaltyHit: penaltyHits.has(u.code),
    })),
    { direction: INDICATORS[indicator].direction, provincialAverage, bottomN },
  );
  return { provincialAverage, items };
}

/** `GET /api/v1/rankings`. */
export async function getRankings(actor: Actor, raw: unknown, opts: { locale?: Locale; now?: Date } = {}) {
  authorize(actor, "indicator.read");
  const q = parseInput(rankingQuerySchema, raw, opts.locale);
  const [year, month] = q.period.split("-").map(Number) as [number, number];
  const ranking = await rankScope(q.scope, q.indicator, year, month, q.cumulative, opts.now);
  return { scope: q.scope, indicator: q.indicator, period: q.period, cumulative: q.cumulative, ...ranking };
}
