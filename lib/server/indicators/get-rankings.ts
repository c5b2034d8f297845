import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { COVERED_COUNTY_CODES, divisionOf, isCoveredCounty } from "../../domain/divisions";
import { HOME_CITY_CODE, INDICATORS, type IndicatorCodeName, PROVINCE_CODE } from "../../domain/indicators";
import { type Naming, nameUnits, type PrintedList, UNKNOWN } from "../../domain/naming";
import { type RankedUnit, rankUnits } from "../../domain/ranking";
import { mergeSettings } from "../../domain/settings";
import { type Actor, authorize } from "../../permissions";
import { rankingQuerySchema } from "../../schemas/indicator";
import { type Locale, parseInput } from "../../schemas/parse";
import { derivedWaterValues, isWaterIndicator } from "../sections/derived-water-values";
import { waterExemptUnitCodes } from "../sections/water-exemption";

/** The indicators of the province's water worst lists, from which a unit meeting Class III everywhere is exempt. */
const WATER_NAMING_INDICATORS: ReadonlySet<IndicatorCodeName> = new Set(["WATER_GOOD_RATIO", "WATER_BAD_RATIO", "CWQI"]);

export type RankingScope = "PROVINCE_CITIES" | "PROVINCE_COUNTIES" | "CITY_DISTRICTS";
export type ScopeRanking = { provincialAverage: string | null; items: RankedUnit[] };
export type RankScopeOptions = {
  /** Units that cannot enter a computed worst list (water indicators: every section meets Class III and its target). */
  exemptUnitCodes?: ReadonlySet<string>;
};

type Period = { indicator: IndicatorCodeName; year: number; month: number; cumulative: boolean };

type ScopeInputs = {
  /** The units ranked: the province's cities or the city's districts (the county scope lists its own). */
  units: { code: string; name: string }[];
  /** The printed lists of the naming scope (the county-level lists for the city's districts). */
  lists: PrintedList[];
  /** Published values of every unit read below (ranked, named, covered, the province). */
  values: Map<string, string>;
  /** Names of the county-level units the lists or the covered set hold, where stored. */
  countyNames: Map<string, string>;
  bottomN: number;
};

/**
 * Everything one ranking needs, in one query: the ranked units, the printed lists of the naming
 * scope with their entries, the period's values of every unit involved and the worst-N setting.
 * Water shares missing a published value are then derived from the section results.
 */
async function scopeInputs(p: Period, scope: RankingScope): Promise<ScopeInputs> {
  const listScope = scope === "PROVINCE_CITIES" ? "PROVINCE_CITIES" : "PROVINCE_COUNTIES";
  const ranked =
    scope === "PROVINCE_CITIES"
      ? Prisma.sql`level = 'CITY' AND "parentCode" = ${PROVINCE_CODE}`
      : scope === "CITY_DISTRICTS"
        ? Prisma.sql`level = 'DISTRICT' AND "parentCode" = ${HOME_CITY_CODE}`
        : Prisma.sql`FALSE`;
  const covered = scope === "PROVINCE_CITIES" ? [] : [...COVERED_COUNTY_CODES];
  const [row] = await db.$queryRaw<
    {
      units: { code: string; name: string }[] | null;
      lists: PrintedList[] | null;
      values: { unitCode: string; valueText: string }[] | null;
      names: { code: string; name: string }[] | null;
      settings: { key: string; value: unknown }[] | null;
    }[]
  >`
    WITH units AS (SELECT code, name FROM "StatUnit" WHERE ${ranked}),
    lists AS (
      SELECT l.id, l.kind, l.size, l.source FROM "PublishedList" l
      WHERE l.indicator = ${p.indicator}::"IndicatorCode" AND l.year = ${p.year} AND l.month = ${p.month}
        AND l.cumulative = ${p.cumulative} AND l.scope = ${listScope}::"PublishedListScope"),
    entries AS (SELECT e."listId", e.position, e."unitCode", e."printedRank" FROM "PublishedListEntry" e WHERE e."listId" IN (SELECT id FROM lists)),
    codes AS (
      SELECT code FROM units UNION SELECT "unitCode" FROM entries
      UNION SELECT unnest(${covered}::text[]) UNION SELECT ${PROVINCE_CODE})
    SELECT
      (SELECT json_agg(json_build_object('code', code, 'name', name)) FROM units) AS units,
      (SELECT json_agg(json_build_object('id', l.id, 'kind', l.kind, 'size', l.size, 'source', l.source,
         'entries', coalesce((SELECT json_agg(json_build_object('unitCode', e."unitCode", 'printedRank', e."printedRank") ORDER BY e.position)
                              FROM entries e WHERE e."listId" = l.id), '[]'::json))) FROM lists l) AS lists,
      (SELECT json_agg(json_build_object('unitCode', v."unitCode", 'valueText', v."valueText")) FROM "IndicatorValue" v
       WHERE v.indicator = ${p.indicator}::"IndicatorCode" AND v.year = ${p.year} AND v.month = ${p.month}
         AND v.cumulative = ${p.cumulative} AND v."unitCode" IN (SELECT code FROM codes)) AS values,
      (SELECT json_agg(json_build_object('code', s.code, 'name', s.name)) FROM "StatUnit" s
       WHERE ${scope === "PROVINCE_COUNTIES"} AND s.code IN (SELECT code FROM codes)) AS names,
      (SELECT json_agg(json_build_object('key', key, 'value', value)) FROM "Setting" WHERE key = 'rankingBottomN') AS settings`;
  const values = new Map((row?.values ?? []).map((v) => [v.unitCode, v.valueText]));
  if (isWaterIndicator(p.indicator)) {
    const codes = new Set([
      PROVINCE_CODE,
      ...covered,
      ...(row?.units ?? []).map((u) => u.code),
      ...(row?.lists ?? []).flatMap((l) => l.entries.map((e) => e.unitCode)),
    ]);
    // Water shares: derived from the section results where no published value was imported.
    for (const [code, text] of await derivedWaterValues(p.indicator, p.year, p.month, p.cumulative)) {
      if (codes.has(code) && !values.has(code)) values.set(code, text);
    }
  }
  return {
    units: row?.units ?? [],
    lists: row?.lists ?? [],
    values,
    countyNames: new Map((row?.names ?? []).map((n) => [n.code, n.name])),
    bottomN: mergeSettings(row?.settings ?? []).rankingBottomN,
  };
}

/**
 * Ranks the province's cities, the province's county-level units or the city's districts on one
 * indicator for one period, with the target-line badges. "Named" comes from the province's printed
 * worst list (or its complete province-wide table), never from the districts ranked among themselves.
 * One query reads the inputs (`scopeInputs`); water indicators add the section results.
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
  const [opts, inputs] = await Promise.all([
    given.exemptUnitCodes === undefined && WATER_NAMING_INDICATORS.has(indicator)
      ? waterExemptUnitCodes(year, month).then((exemptUnitCodes): RankScopeOptions => ({ ...given, exemptUnitCodes }))
      : Promise.resolve(given),
    scopeInputs(p, scope),
  ]);
  const { lists, values, bottomN } = inputs;
  let units: { code: string; name: string }[];
  let naming: Map<string, Naming>;

  if (scope === "PROVINCE_CITIES") {
    units = inputs.units;
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
    // The province's county-level scope: the covered county-level cities and counties plus any unit a printed list names.
    const codes = [...new Set([...COVERED_COUNTY_CODES, ...lists.flatMap((l) => l.entries.map((e) => e.unitCode))])].sort();
    naming = nameUnits({
      units: codes.map((code) => ({
        unitCode: code,
        value: values.get(code) ?? null,
        covered: isCoveredCounty(code),
        exemptFromNaming: opts.exemptUnitCodes?.has(code),
      })),
      worst: lists.find((l) => l.kind === "WORST") ?? null,
      lists,
      direction,
      bottomN,
    });
    units =
      scope === "PROVINCE_COUNTIES"
        ? codes.map((code) => ({ code, name: inputs.countyNames.get(code) ?? divisionOf(code)?.name ?? code }))
        : inputs.units;
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
