/**
 * Ranking of units (cities of the province, or districts of the city) on one indicator for one
 * period, as the province publishes it: on the value as supplied (its published precision),
 * competition style (1, 2, 2, 4), tied units listed in administrative-code order, units without a
 * value listed as "no data" and not ranked. Pure; values are decimal text so no float rounding
 * can reorder two published figures.
 */

import type { NamedBy, Naming } from "./naming";

const UNKNOWN: Naming = { named: null, namedBy: null };

export type Direction = "LOWER_IS_BETTER" | "HIGHER_IS_BETTER";

/** The unit's value against the province's, direction-aware (优于 / 持平 / 差于). */
export type VersusAverage = "BETTER" | "EQUAL" | "WORSE";

export type RankInput = {
  unitCode: string;
  unitName: string;
  /** Decimal text as published, e.g. "32", "31.5", "-0.8"; null = no data. */
  value: string | null;
  /** Whether the province names the unit (see `naming.ts`); unknown when absent. */
  naming?: Naming;
};

export type RankedUnit = {
  unitCode: string;
  unitName: string;
  value: string | null;
  /** Competition rank; null when there is no data. */
  rank: number | null;
  /** Shares its rank with another unit. */
  tied: boolean;
  /** Strictly better than the provincial average for the period (direction-aware); null when that average or the value is unknown. */
  aboveProvincialAverage: boolean | null;
  /** Better, equal or worse than the provincial average (direction-aware); null when either is unknown. */
  versusProvincialAverage: VersusAverage | null;
  topThree: boolean;
  /** In the province's worst list of the indicator and period; false when a list covers the unit without naming it; null = unknown. */
  named: boolean | null;
  /** The list (and printed rank) that names the unit. */
  namedBy: NamedBy | null;
};

export type RankingOptions = {
  direction: Direction;
  /** The province's own value for the period (decimal text), when known. */
  provincialAverage?: string | null;
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Parses decimal text into a scaled integer so values compare exactly. */
function toScaled(text: string, scale: number): bigint {
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal value: ${text}`);
  // The sign stays on the whole part: BigInt("-05") is −5.
  const [whole, fraction = ""] = text.split(".");
  return BigInt(`${whole}${fraction.padEnd(scale, "0")}`);
}

function scaleOf(values: readonly string[]): number {
  return Math.max(0, ...values.map((v) => v.split(".")[1]?.length ?? 0));
}

/** −1 when a is better than b, 1 when worse, 0 when equal (as published). */
export function compareValues(a: string, b: string, direction: Direction): number {
  const scale = scaleOf([a, b]);
  const x = toScaled(a, scale);
  const y = toScaled(b, scale);
  if (x === y) return 0;
  const aLower = x < y;
  return direction === "LOWER_IS_BETTER" ? (aLower ? -1 : 1) : aLower ? 1 : -1;
}

export function isValidDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** Ranks the units; the result lists ranked units best first, then the units without data, each group in code order. */
export function rankUnits(units: readonly RankInput[], options: RankingOptions): RankedUnit[] {
  const codes = new Set<string>();
  for (const u of units) {
    if (codes.has(u.unitCode)) throw new RangeError(`unit listed twice: ${u.unitCode}`);
    codes.add(u.unitCode);
    if (u.value !== null && !DECIMAL.test(u.value)) throw new RangeError(`not a decimal value: ${u.value}`);
  }
  // Codes are unique (checked above), so two units never compare equal.
  const byCode = (a: RankInput, b: RankInput) => (a.unitCode < b.unitCode ? -1 : 1);
  const withData = units.filter((u) => u.value !== null);
  const noData = units.filter((u) => u.value === null).sort(byCode);
  const sorted = [...withData].sort(
    (a, b) => compareValues(a.value as string, b.value as string, options.direction) || byCode(a, b),
  );

  const ranks = new Map<string, number>();
  sorted.forEach((u, i) => {
    const prev = sorted[i - 1];
    const sameAsPrev = prev !== undefined && compareValues(prev.value as string, u.value as string, options.direction) === 0;
    ranks.set(u.unitCode, sameAsPrev ? (ranks.get(prev.unitCode) as number) : i + 1);
  });
  const rankCounts = new Map<number, number>();
  for (const r of ranks.values()) rankCounts.set(r, (rankCounts.get(r) ?? 0) + 1);

  const average = options.provincialAverage ?? null;
  const ranked: RankedUnit[] = sorted.map((u) => {
    const rank = ranks.get(u.unitCode) as number;
    const versus = average === null ? 0 : compareValues(u.value as string, average, options.direction);
    const naming = u.naming ?? UNKNOWN;
    return {
      unitCode: u.unitCode,
      unitName: u.unitName,
      value: u.value,
      rank,
      tied: (rankCounts.get(rank) ?? 0) > 1,
      aboveProvincialAverage: average === null ? null : versus < 0,
      versusProvincialAverage: average === null ? null : versus < 0 ? "BETTER" : versus > 0 ? "WORSE" : "EQUAL",
      topThree: rank <= 3,
      named: naming.named,
      namedBy: naming.namedBy,
    };
  });
  const unranked: RankedUnit[] = noData.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    value: null,
    rank: null,
    tied: false,
    aboveProvincialAverage: null,
    versusProvincialAverage: null,
    topThree: false,
    named: (u.naming ?? UNKNOWN).named,
    namedBy: (u.naming ?? UNKNOWN).namedBy,
  }));
  return [...ranked, ...unranked];
}
