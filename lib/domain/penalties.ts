import { z } from "zod";
/**
 * Penalties for lagging districts (Wuxi rules in force since 2021-09-01), evaluated per district
 * for one month of a year over the cumulative (year-to-date) months 1..month. Every rule is data
 * (`PenaltyRules`, a setting); every hit carries the months, values and averages behind it, so a
 * leader can see why. Pure; values are decimal text compared exactly; money is integer yuan.
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
  /** No single penalty exceeds this. */
  capPerPenalty: number;
};

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
  capPerPenalty: 10_000_000,
};

const fee = z.number().int().min(0).max(1_000_000_000);
const count = z.number().int().min(1).max(12);

/** The rules' allowed values, each optional (a stored setting overrides only what it names). */
export const penaltyRulesSchema = z
  .strictObject({
    pm25AboveAveragePct: z.number().min(0).max(100),
    goodAirBelowAveragePoints: z.number().min(0).max(100),
    airMonths: count,
    airFee: fee,
    sectionMonths: count,
    nationalSectionFee: fee,
    provincialSectionFee: fee,
    sectionRepeatMultiplier: z.number().min(1).max(10),
    problemFee: fee,
    capPerPenalty: fee,
  })
  .partial()
  .meta({ id: "PenaltyRules" });

/** The stored `penaltyRules` setting over the Wuxi rules; a value out of range (or of another type) is ignored, key by key. */
export function mergePenaltyRules(stored: unknown): PenaltyRules {
  const out: PenaltyRules = { ...WUXI_PENALTY_RULES };
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return out;
  const shape = penaltyRulesSchema.shape;
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in shape)) continue;
    const parsed = shape[key as keyof PenaltyRules].safeParse(value);
    if (parsed.success && parsed.data !== undefined) out[key as keyof PenaltyRules] = parsed.data;
  }
  return out;
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

export type UnrectifiedProblem = { problemId: string; code: string; reason: "OVERDUE" | "PERFUNCTORY" };

export type DistrictPenaltyInput = {
  districtCode: string;
  air: AirMonth[];
  sections: SectionRecord[];
  problems: UnrectifiedProblem[];
};

export type PenaltyHit =
  | {
      rule: "PM25";
      fee: number;
      capped: boolean;
      months: { month: number; value: string; lastYear: string; cityAverage: string }[];
    }
  | {
      rule: "GOOD_AIR";
      fee: number;
      capped: boolean;
      months: { month: number; value: string; lastYear: string; cityAverage: string }[];
    }
  | {
      rule: "SECTION";
      fee: number;
      capped: boolean;
      sectionCode: string;
      sectionName: string;
      level: "NATIONAL" | "PROVINCIAL";
      months: number[];
      repeated: boolean;
    }
  | { rule: "PROBLEM"; fee: number; capped: boolean; problemId: string; code: string; reason: "OVERDUE" | "PERFUNCTORY" };

export type DistrictPenalty = {
  districtCode: string;
  hits: PenaltyHit[];
  totalFee: number;
  measures: readonly PenaltyMeasure[];
};

function cap(fee: number, rules: PenaltyRules): { fee: number; capped: boolean } {
  return fee > rules.capPerPenalty ? { fee: rules.capPerPenalty, capped: true } : { fee, capped: false };
}

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

/** Evaluates every rule for one district through `month` (1–12) of the year. */
export function evaluateDistrictPenalties(
  input: DistrictPenaltyInput,
  month: number,
  rules: PenaltyRules = WUXI_PENALTY_RULES,
): DistrictPenalty {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  const hits: PenaltyHit[] = [];
  const months = input.air.filter((a) => a.month >= 1 && a.month <= month).sort((a, b) => a.month - b.month);

  const pm25Months = months.flatMap((a) =>
    a.pm25 !== null &&
    a.pm25LastYear !== null &&
    a.pm25CityAverage !== null &&
    compareValues(a.pm25, a.pm25LastYear, "LOWER_IS_BETTER") > 0 &&
    atLeastPctAbove(a.pm25, a.pm25CityAverage, rules.pm25AboveAveragePct)
      ? [{ month: a.month, value: a.pm25, lastYear: a.pm25LastYear, cityAverage: a.pm25CityAverage }]
      : [],
  );
  if (pm25Months.length >= rules.airMonths) hits.push({ rule: "PM25", ...cap(rules.airFee, rules), months: pm25Months });

  const goodAirMonths = months.flatMap((a) =>
    a.goodAirRatio !== null &&
    a.goodAirRatioLastYear !== null &&
    a.goodAirRatioCityAverage !== null &&
    compareValues(a.goodAirRatio, a.goodAirRatioLastYear, "HIGHER_IS_BETTER") > 0 &&
    atLeastPointsBelow(a.goodAirRatio, a.goodAirRatioCityAverage, rules.goodAirBelowAveragePoints)
      ? [{ month: a.month, value: a.goodAirRatio, lastYear: a.goodAirRatioLastYear, cityAverage: a.goodAirRatioCityAverage }]
      : [],
  );
  if (goodAirMonths.length >= rules.airMonths)
    hits.push({ rule: "GOOD_AIR", ...cap(rules.airFee, rules), months: goodAirMonths });

  for (const s of [...input.sections].sort((a, b) => a.sectionCode.localeCompare(b.sectionCode))) {
    const missed = [...new Set(s.missedMonths.filter((m) => m >= 1 && m <= month))].sort((a, b) => a - b);
    if (missed.length < rules.sectionMonths) continue;
    // A second run of the same count in the year is "doing it again".
    const repeated = missed.length >= 2 * rules.sectionMonths;
    const base = s.level === "NATIONAL" ? rules.nationalSectionFee : rules.provincialSectionFee;
    hits.push({
      rule: "SECTION",
      ...cap(repeated ? base * rules.sectionRepeatMultiplier : base, rules),
      sectionCode: s.sectionCode,
      sectionName: s.sectionName,
      level: s.level,
      months: missed,
      repeated,
    });
  }

  for (const p of [...input.problems].sort((a, b) => a.code.localeCompare(b.code))) {
    hits.push({ rule: "PROBLEM", ...cap(rules.problemFee, rules), problemId: p.problemId, code: p.code, reason: p.reason });
  }

  return {
    districtCode: input.districtCode,
    hits,
    totalFee: hits.reduce((sum, h) => sum + h.fee, 0),
    measures: hits.length ? PENALTY_MEASURES : [],
  };
}
