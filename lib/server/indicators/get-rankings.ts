import "server-only";
import { db } from "../../db";
import { COVERED_COUNTY_CODES, divisionOf, isCoveredCounty } from "../../domain/divisions";
import { HOME_CITY_CODE, INDICATORS, type IndicatorCodeName, PROVINCE_CODE } from "../../domain/indicators";
import { type Naming, nameUnits, type PrintedList, UNKNOWN } from "../../domain/naming";
import { type RankedUnit, rankUnits } from "../../domain/ranking";
import { type Actor, authorize } from "../../permissions";
import { rankingQuerySchema } from "../../schemas/indicator";
import { type Locale, parseInput } from "../../schemas/parse";
import { derivedWaterValues, isWaterIndicator } from "../sections/derived-water-values";
import { waterExemptUnitCodes } from "../sections/water-exemption";
import { getSettings } from "../settings/get-settings";

/** The indicators of the province's water worst lists, from which a unit meeting Class III everywhere is exempt. */
const WATER_NAMING_INDICATORS: ReadonlySet<IndicatorCodeName> = new Set(["WATER_GOOD_RATIO", "WATER_BAD_RATIO", "CWQI"]);

export type RankingScope = "PROVINCE_CITIES" | "PROVINCE_COUNTIES" | "CITY_DISTRICTS";
export type ScopeRanking = { provincialAverage: string | null; items: RankedUnit[] };
export type RankScopeOptions = {
  /** Units that cannot enter a computed worst list (water indicators: every section meets Class III and its target). */
  exemptUnitCodes?: ReadonlySet<string>;
};

type Period = { indicator: IndicatorCodeName; year: number; month: number; cumulative: boolean };

async function printedLists(p: Period, scope: "PROVINCE_CITIES" | "PROVINCE_COUNTIES"): Promise<PrintedList[]> {
  const rows = await db.publishedList.findMany({
    where: { indicator: p.indicator, year: p.year, month: p.month, cumulative: p.cumulative, scope },
    select: {
      id: true,
      kind: true,
      size: true,
      source: true,
      entries: { orderBy: { position: "asc" }, select: { unitCode: true, printedRank: true } },
    },
  });
  return rows;
}

async function valuesOf(p: Period, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.indicatorValue.findMany({
    where: { indicator: p.indicator, year: p.year, month: p.month, cumulative: p.cumulative, unitCode: { in: [...codes] } },
    select: { unitCode: true, valueText: true },
  });
  const values = new Map(rows.map((v) => [v.unitCode, v.valueText]));
  // Water shares: derived from the section results where no published value was imported.
  if (isWaterIndicator(p.indicator)) {
    for (const [code, text] of await derivedWaterValues(p.indicator, p.year, p.month, p.cumulative)) {
      if (codes.includes(code) && !values.has(code)) values.set(code, text);
    }
  }
  return values;
}

/**
 * The province's county-level scope for a period: the covered county-level cities and counties
 * plus any unit a printed list of the period names, with their values and whether the province names them.
 */
async function countyScope(p: Period, opts: RankScopeOptions, bottomN: number) {
  const lists = await printedLists(p, "PROVINCE_COUNTIES");
  const codes = [...new Set([...COVERED_COUNTY_CODES, ...lists.flatMap((l) => l.entries.map((e) => e.unitCode))])].sort();
  const values = await valuesOf(p, codes);
  const naming = nameUnits({
    units: codes.map((code) => ({
      unitCode: code,
      value: values.get(code) ?? null,
      covered: isCoveredCounty(code),
      exemptFromNaming: opts.exemptUnitCodes?.has(code),
    })),
    worst: lists.find((l) => l.kind === "WORST") ?? null,
    lists,
    direction: INDICATORS[p.indicator].direction,
    bottomN,
  });
  return { codes, values, naming };
}

/**
 * Ranks the province's cities, the province's county-level units or the city's districts on one
 * indicator for one period, with the target-line badges. "Named" comes from the province's printed
 * worst list (or its complete province-wide table), never from the districts ranked among themselves.
 */
export async function rankScope(
  scope: RankingScope,
  indicator: IndicatorCodeName,
  year: number,
  month: number,
  cumulative: boolean,
  given: RankScopeOptions = {},
): Promise<ScopeRanking> {
  const p: Period = { indicator, year, month, cumulative };
  const direction = INDICATORS[indicator].direction;
  // Water indicators: a unit whose every section meets Class III and its target cannot enter a computed worst list.
  const opts: RankScopeOptions =
    given.exemptUnitCodes === undefined && WATER_NAMING_INDICATORS.has(indicator)
      ? { ...given, exemptUnitCodes: await waterExemptUnitCodes(year, month) }
      : given;
  const bottomN = (await getSettings()).rankingBottomN;
  let units: { code: string; name: string }[];
  let naming: Map<string, Naming>;
  let values: Map<string, string>;

  if (scope === "PROVINCE_CITIES") {
    units = await db.statUnit.findMany({
      where: { level: "CITY", parentCode: PROVINCE_CODE },
      select: { code: true, name: true },
    });
    values = await valuesOf(p, [PROVINCE_CODE, ...units.map((u) => u.code)]);
    const lists = await printedLists(p, "PROVINCE_CITIES");
    naming = nameUnits({
      units: units.map((u) => ({
        unitCode: u.code,
        value: values.get(u.code) ?? null,
        covered: true,
        exemptFromNaming: opts.exemptUnitCodes?.has(u.code),
      })),
      worst: lists.find((l) => l.kind === "WORST") ?? null,
      lists,
      direction,
      bottomN,
    });
  } else {
    const county = await countyScope(p, opts, bottomN);
    naming = county.naming;
    if (scope === "PROVINCE_COUNTIES") {
      const stored = await db.statUnit.findMany({ where: { code: { in: county.codes } }, select: { code: true, name: true } });
      const names = new Map(stored.map((s) => [s.code, s.name]));
      units = county.codes.map((code) => ({ code, name: names.get(code) ?? divisionOf(code)?.name ?? code }));
      values = new Map([...county.values, ...(await valuesOf(p, [PROVINCE_CODE]))]);
    } else {
      units = await db.statUnit.findMany({
        where: { level: "DISTRICT", parentCode: HOME_CITY_CODE },
        select: { code: true, name: true },
      });
      values = await valuesOf(p, [PROVINCE_CODE, ...units.map((u) => u.code)]);
    }
  }

  const provincialAverage = values.get(PROVINCE_CODE) ?? null;
  const items = rankUnits(
    units.map((u) => ({
      unitCode: u.code,
      unitName: u.name,
      value: values.get(u.code) ?? null,
      naming: naming.get(u.code) ?? UNKNOWN,
    })),
    { direction, provincialAverage },
  );
  return { provincialAverage, items };
}

/** `GET /api/v1/rankings`. */
export async function getRankings(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; exemptUnitCodes?: ReadonlySet<string> } = {},
) {
  authorize(actor, "indicator.read");
  const q = parseInput(rankingQuerySchema, raw, opts.locale);
  const [year, month] = q.period.split("-").map(Number) as [number, number];
  const ranking = await rankScope(q.scope, q.indicator, year, month, q.cumulative, { exemptUnitCodes: opts.exemptUnitCodes });
  return { scope: q.scope, indicator: q.indicator, period: q.period, cumulative: q.cumulative, ...ranking };
}
