import { z } from "zod";
/**
 * Penalties for lagging districts (Wuxi rules in force since 2021-09-01), evaluated per district
 * for one month of a year over the cumulative (year-to-date) months 1..month. Every rule is data
 * (`PenaltyRules`, kept as versions effective from a month); every hit carries the months, values
 * and averages behind it, so a leader can see why. Pure; values are decimal text compared
 * exactly; money is integer yuan.
 *
 * Once per episode (the reading implemented): each hit has an `episodeKey` and the month it fired.
 * - PM2.5 / good air: once per district and year, in the month the count of qualifying months
 *   first reaches `airMonths`; later qualifying months only add figures.
 * - A section: once when its missed months in the year reach `sectionMonths`, and once more —
 *   fee × `sectionRepeatMultiplier` — when they reach twice that ("doing it again").
 * - A problem: once per problem and reason (overdue; perfunctory or false, from findings).
 * - A hazard: once per hazard.
 * Each month is judged by the rules in force in that month; a fee is that of the month it fired.
 */
import { compareValues } from "./ranking";

export type PenaltyRules = {
  /** PM2.5 up year on year and at least this many percent above the city average… */
  pm25AboveAveragePct: number;
  /** …good-air ratio down year on year and at least this many points below the city average… */
  goodAirBelowAveragePoints: number;
  /** …in this many months of the year. */
  airMonths: number;
  airFee: number;
  /** A water section missing its city target in this many months of the year. */
  sectionMonths: number;
  nationalSectionFee: number;
  provincialSectionFee: number;
  /** The same section doing it again in the year multiplies its fee. */
  sectionRepeatMultiplier: number;
  /** A prominent problem not rectified, or rectified perfunctorily or falsely. */
  problemFee: number;
  /** A red hazard past its deadline (环境风险隐患管控不力). */
  hazardFee: number;
  /** One collection (a district's confirmed penalties of one month) never exceeds this. */
  capPerCollection: number;
  /** How long the suspensions of a decision last, in months from the decision day. */
  suspensionMonths: number;
};

export const PENALTY_RULE_KEYS = [
  "pm25AboveAveragePct",
  "goodAirBelowAveragePoints",
  "airMonths",
  "airFee",
  "sectionMonths",
  "nationalSectionFee",
  "provincialSectionFee",
  "sectionRepeatMultiplier",
  "problemFee",
  "hazardFee",
  "capPerCollection",
  "suspensionMonths",
] as const satisfies readonly (keyof PenaltyRules)[];

/** The month the Wuxi rules took effect: the first version of the rules. */
export const FIRST_RULES_MONTH = "2021-09";

export const WUXI_PENALTY_RULES: PenaltyRules = {
  pm25AboveAveragePct: 5,
  goodAirBelowAveragePoints: 1,
  airMonths: 3,
  airFee: 3_000_000,
  sectionMonths: 3,
  nationalSectionFee: 5_000_000,
  provincialSectionFee: 3_000_000,
  sectionRepeatMultiplier: 2,
  problemFee: 5_000_000,
  // "Per the rules in force": the smallest fee of the Wuxi schedule (that of the air rules).
  hazardFee: 3_000_000,
  capPerCollection: 10_000_000,
  suspensionMonths: 6,
};

const fee = z.number({ error: "v.invalidNumber" }).int("v.invalidNumber").min(0).max(1_000_000_000);
const count = z.number({ error: "v.invalidNumber" }).int("v.invalidNumber").min(1).max(12);

/** The rules' allowed values, each optional (a patch names only what it changes). */
export const penaltyRulesSchema = z
  .strictObject({
    pm25AboveAveragePct: z.number({ error: "v.invalidNumber" }).min(0).max(100),
    goodAirBelowAveragePoints: z.number({ error: "v.invalidNumber" }).min(0).max(100),
    airMonths: count,
    airFee: fee,
    sectionMonths: count,
    nationalSectionFee: fee,
    provincialSectionFee: fee,
    sectionRepeatMultiplier: z.number({ error: "v.invalidNumber" }).min(1).max(10),
    problemFee: fee,
    hazardFee: fee,
    capPerCollection: z.number({ error: "v.invalidNumber" }).int("v.invalidNumber").min(1).max(1_000_000_000),
    suspensionMonths: z.number({ error: "v.invalidNumber" }).int("v.invalidNumber").min(0).max(60),
  })
  .partial()
  .meta({ id: "PenaltyRules" });

/**
 * Stored rules over the Wuxi rules; a value out of range (or of another type) is ignored, key by
 * key. `capPerPenalty`, the name of the cap before it was read per collection, still counts.
 */
export function mergePenaltyRules(stored: unknown): PenaltyRules {
  const out: PenaltyRules = { ...WUXI_PENALTY_RULES };
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return out;
  const shape = penaltyRulesSchema.shape;
  const entries = Object.entries(stored);
  const legacyCap = entries.find(([k]) => k === "capPerPenalty");
  if (legacyCap && !entries.some(([k]) => k === "capPerCollection")) entries.push(["capPerCollection", legacyCap[1]]);
  for (const [key, value] of entries) {
    if (!(key in shape)) continue;
    const parsed = shape[key as keyof PenaltyRules].safeParse(value);
    if (parsed.success && parsed.data !== undefined) out[key as keyof PenaltyRules] = parsed.data;
  }
  return out;
}

/** "YYYY-MM" of a year and month. */
export function ruleMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export type RuleVersion = { effectiveFrom: string; setAt: Date; rules: PenaltyRules };

/**
 * The version in force in a month: the latest effective-from month not after it; of two versions
 * effective from the same month, the one set last. Before the first version: the Wuxi rules.
 */
export function versionInForce<V extends RuleVersion>(versions: readonly V[], year: number, month: number): V | null {
  const at = ruleMonth(year, month);
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > at) continue;
    if (
      !best ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.setAt.getTime() > best.setAt.getTime())
    )
      best = v;
  }
  return best;
}

/** The rules of each month of a year, from the versions. */
export function rulesOfYear(versions: readonly RuleVersion[], year: number): (month: number) => PenaltyRules {
  return (month) => versionInForce(versions, year, month)?.rules ?? WUXI_PENALTY_RULES;
}

/** Measures that come with any hit, besides the fee (src: the 2021 Wuxi measures). */
export const PENALTY_MEASURES = [
  "SUSPEND_EIA_FORWARDING",
  "SUSPEND_HONOURS",
  "SUSPEND_FUNDING_APPLICATIONS",
  "SUMMON_OFFICIALS",
] as const;
export type PenaltyMeasure = (typeof PENALTY_MEASURES)[number];

/** Year-to-date air figures of one district for one month, with the same period last year and the city average. */
export type AirMonth = {
  month: number;
  pm25: string | null;
  pm25LastYear: string | null;
  pm25CityAverage: string | null;
  goodAirRatio: string | null;
  goodAirRatioLastYear: string | null;
  goodAirRatioCityAverage: string | null;
};

export type SectionRecord = {
  sectionCode: string;
  sectionName: string;
  level: "NATIONAL" | "PROVINCIAL";
  /** Months (1–12) in which the section missed its city target. */
  missedMonths: number[];
};

/** OVERDUE: not rectified; PERFUNCTORY / FALSE: established by a finding (never a failed acceptance alone). */
export type ProblemReason = "OVERDUE" | "PERFUNCTORY" | "FALSE";
export type UnrectifiedProblem = { problemId: string; code: string; reason: ProblemReason; findingId?: string };

/** A hazard of the bottom-line register; `deadline` a calendar date YYYY-MM-DD. */
export type HazardInput = { hazardId: string; level: string; deadline: string; districtCode: string; title: string };

export type DistrictPenaltyInput = {
  districtCode: string;
  /** The year evaluated; part of the episode keys of the yearly rules. */
  year?: number;
  air: AirMonth[];
  sections: SectionRecord[];
  problems: UnrectifiedProblem[];
  hazards?: HazardInput[];
  /** The day hazards are judged on (YYYY-MM-DD): the month's last day, or today within the month. */
  evaluatedOn?: string;
};

type AirFigure = { month: number; value: string; lastYear: string; cityAverage: string };
type HitBase = { episodeKey: string; month: number; fee: number };

export type PenaltyHit =
  | (HitBase & { rule: "PM25"; months: AirFigure[] })
  | (HitBase & { rule: "GOOD_AIR"; months: AirFigure[] })
  | (HitBase & {
      rule: "SECTION";
      sectionCode: string;
      sectionName: string;
      level: "NATIONAL" | "PROVINCIAL";
      months: number[];
      repeated: boolean;
    })
  | (HitBase & { rule: "PROBLEM"; problemId: string; code: string; reason: ProblemReason; findingId?: string })
  | (HitBase & { rule: "HAZARD"; hazardId: string; title: string; level: string; deadline: string });

export type DistrictPenalty = {
  districtCode: string;
  hits: PenaltyHit[];
  /** What the hits would cost, each collection (the hits of one month) within its cap. */
  totalFee: number;
  /** The hits' fees summed without the cap. */
  uncappedFee: number;
  measures: readonly PenaltyMeasure[];
};

/** value ≥ average × (1 + pct/100), exactly: value × 100 ≥ average × (100 + pct). */
function atLeastPctAbove(value: string, average: string, pct: number): boolean {
  const scaled = (text: string, factor: number) => {
    const [whole, fraction = ""] = text.replace("-", "").split(".");
    const digits = BigInt(`${whole}${fraction.padEnd(6, "0").slice(0, 6)}`) * BigInt(factor);
    return text.startsWith("-") ? -digits : digits;
  };
  return scaled(value, 100) >= scaled(average, 100 + pct);
}

/** value ≤ average − points, exactly. */
function atLeastPointsBelow(value: string, average: string, points: number): boolean {
  const shifted = subtractPoints(average, points);
  return compareValues(value, shifted, "LOWER_IS_BETTER") <= 0;
}

function subtractPoints(value: string, points: number): string {
  const decimalsOf = (text: string) => (text.includes(".") ? (text.split(".")[1]?.length ?? 0) : 0);
  const decimals = Math.max(decimalsOf(value), decimalsOf(String(points)));
  const factor = 10 ** decimals;
  const [whole, fraction = ""] = value.replace("-", "").split(".");
  const scaled = BigInt(`${whole}${fraction.padEnd(decimals, "0")}`) * (value.startsWith("-") ? -1n : 1n);
  const result = scaled - BigInt(Math.round(points * factor));
  const negative = result < 0n;
  const abs = (negative ? -result : result).toString().padStart(decimals + 1, "0");
  const text = decimals ? `${abs.slice(0, -decimals)}.${abs.slice(-decimals)}` : abs;
  return negative ? `-${text}` : text;
}

/** The month in which the `n`-th of the sorted months falls, where `n` may change month by month; null if never. */
function firingMonth(sortedMonths: readonly number[], needed: (month: number) => number): number | null {
  for (let i = 0; i < sortedMonths.length; i++) {
    const m = sortedMonths[i] as number;
    if (i + 1 >= needed(m)) return m;
  }
  return null;
}

/** Red hazards past their deadline on `on` (YYYY-MM-DD): on the deadline day itself a hazard is still in time. */
export function overdueRedHazards(hazards: readonly HazardInput[], on: string): HazardInput[] {
  return hazards
    .filter((h) => h.level === "RED" && h.deadline < on)
    .sort((a, b) => (a.hazardId < b.hazardId ? -1 : a.hazardId > b.hazardId ? 1 : 0));
}

/**
 * A collection's charges: amounts taken in order until the cap is reached; each says what it
 * charges and whether the cap cut it (the excess is shown, never charged).
 */
export function capCollection(
  amounts: readonly number[],
  cap: number,
): { amount: number; charged: number; capped: boolean; excess: number }[] {
  let used = 0;
  return amounts.map((amount) => {
    const charged = Math.max(0, Math.min(amount, cap - used));
    used += charged;
    return { amount, charged, capped: charged < amount, excess: amount - charged };
  });
}

type RulesArg = PenaltyRules | ((month: number) => PenaltyRules);

/** Evaluates every rule for one district through `month` (1–12) of the year. */
export function evaluateDistrictPenalties(
  input: DistrictPenaltyInput,
  month: number,
  rules: RulesArg = WUXI_PENALTY_RULES,
): DistrictPenalty {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  const at = typeof rules === "function" ? rules : () => rules;
  const yearTag = input.year === undefined ? "" : `:${input.year}`;
  const hits: PenaltyHit[] = [];
  const months = input.air.filter((a) => a.month >= 1 && a.month <= month).sort((a, b) => a.month - b.month);

  const pm25Months = months.flatMap((a) =>
    a.pm25 !== null &&
    a.pm25LastYear !== null &&
    a.pm25CityAverage !== null &&
    compareValues(a.pm25, a.pm25LastYear, "LOWER_IS_BETTER") > 0 &&
    atLeastPctAbove(a.pm25, a.pm25CityAverage, at(a.month).pm25AboveAveragePct)
      ? [{ month: a.month, value: a.pm25, lastYear: a.pm25LastYear, cityAverage: a.pm25CityAverage }]
      : [],
  );
  const pm25Fired = firingMonth(
    pm25Months.map((m) => m.month),
    (m) => at(m).airMonths,
  );
  if (pm25Fired !== null)
    hits.push({ rule: "PM25", episodeKey: `PM25${yearTag}`, month: pm25Fired, fee: at(pm25Fired).airFee, months: pm25Months });

  const goodAirMonths = months.flatMap((a) =>
    a.goodAirRatio !== null &&
    a.goodAirRatioLastYear !== null &&
    a.goodAirRatioCityAverage !== null &&
    compareValues(a.goodAirRatio, a.goodAirRatioLastYear, "HIGHER_IS_BETTER") > 0 &&
    atLeastPointsBelow(a.goodAirRatio, a.goodAirRatioCityAverage, at(a.month).goodAirBelowAveragePoints)
      ? [{ month: a.month, value: a.goodAirRatio, lastYear: a.goodAirRatioLastYear, cityAverage: a.goodAirRatioCityAverage }]
      : [],
  );
  const goodAirFired = firingMonth(
    goodAirMonths.map((m) => m.month),
    (m) => at(m).airMonths,
  );
  if (goodAirFired !== null)
    hits.push({
      rule: "GOOD_AIR",
      episodeKey: `GOOD_AIR${yearTag}`,
      month: goodAirFired,
      fee: at(goodAirFired).airFee,
      months: goodAirMonths,
    });

  for (const s of [...input.sections].sort((a, b) => (a.sectionCode < b.sectionCode ? -1 : 1))) {
    const missed = [...new Set(s.missedMonths.filter((m) => m >= 1 && m <= month))].sort((a, b) => a - b);
    const fee = (m: number) => (s.level === "NATIONAL" ? at(m).nationalSectionFee : at(m).provincialSectionFee);
    const first = firingMonth(missed, (m) => at(m).sectionMonths);
    if (first === null) continue;
    const section = { sectionCode: s.sectionCode, sectionName: s.sectionName, level: s.level };
    hits.push({
      rule: "SECTION",
      episodeKey: `SECTION${yearTag}:${s.sectionCode}:1`,
      month: first,
      fee: fee(first),
      ...section,
      months: missed.filter((m) => m <= first),
      repeated: false,
    });
    // The same count reached a second time in the year is "doing it again": charged once more, multiplied.
    const second = firingMonth(missed, (m) => 2 * at(m).sectionMonths);
    if (second !== null)
      hits.push({
        rule: "SECTION",
        episodeKey: `SECTION${yearTag}:${s.sectionCode}:2`,
        month: second,
        fee: Math.round(fee(second) * at(second).sectionRepeatMultiplier),
        ...section,
        months: missed,
        repeated: true,
      });
  }

  const problems = [...input.problems].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.reason < b.reason ? -1 : 1,
  );
  const seen = new Set<string>();
  for (const p of problems) {
    const episodeKey = `PROBLEM:${p.problemId}:${p.reason}`;
    if (seen.has(episodeKey)) continue;
    seen.add(episodeKey);
    hits.push({
      rule: "PROBLEM",
      episodeKey,
      month,
      fee: at(month).problemFee,
      problemId: p.problemId,
      code: p.code,
      reason: p.reason,
      ...(p.findingId ? { findingId: p.findingId } : {}),
    });
  }

  if (input.hazards?.length && input.evaluatedOn) {
    for (const h of overdueRedHazards(input.hazards, input.evaluatedOn)) {
      hits.push({
        rule: "HAZARD",
        episodeKey: `HAZARD:${h.hazardId}`,
        month,
        fee: at(month).hazardFee,
        hazardId: h.hazardId,
        title: h.title,
        level: h.level,
        deadline: h.deadline,
      });
    }
  }

  const byMonth = new Map<number, number[]>();
  for (const h of hits) byMonth.set(h.month, [...(byMonth.get(h.month) ?? []), h.fee]);
  let totalFee = 0;
  for (const [m, fees] of byMonth) totalFee += capCollection(fees, at(m).capPerCollection).reduce((s, c) => s + c.charged, 0);

  return {
    districtCode: input.districtCode,
    hits,
    totalFee,
    uncappedFee: hits.reduce((sum, h) => sum + h.fee, 0),
    measures: hits.length ? PENALTY_MEASURES : [],
  };
}
