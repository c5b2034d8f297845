import type { Direction } from "./ranking";

/** The indicators the bureau is ranked on, with direction, unit and published precision. */
export const INDICATOR_CODES = [
  "PM25",
  "GOOD_AIR_RATIO",
  "O3_8H_90P",
  "AQCI",
  "WATER_GOOD_RATIO",
  "WATER_BAD_RATIO",
  "CWQI",
] as const;
export type IndicatorCodeName = (typeof INDICATOR_CODES)[number];

export type IndicatorMeta = {
  direction: Direction;
  unit: "ug/m3" | "%" | "index";
  /** Decimal places as the province publishes them; more are accepted when supplied. */
  precision: number;
  /** Inclusive range a value must fall in. */
  min: number;
  max: number;
};

export const INDICATORS: Record<IndicatorCodeName, IndicatorMeta> = {
  PM25: { direction: "LOWER_IS_BETTER", unit: "ug/m3", precision: 0, min: 0, max: 1000 },
  GOOD_AIR_RATIO: { direction: "HIGHER_IS_BETTER", unit: "%", precision: 1, min: 0, max: 100 },
  O3_8H_90P: { direction: "LOWER_IS_BETTER", unit: "ug/m3", precision: 0, min: 0, max: 1000 },
  AQCI: { direction: "LOWER_IS_BETTER", unit: "index", precision: 2, min: 0, max: 100 },
  WATER_GOOD_RATIO: { direction: "HIGHER_IS_BETTER", unit: "%", precision: 1, min: 0, max: 100 },
  WATER_BAD_RATIO: { direction: "LOWER_IS_BETTER", unit: "%", precision: 1, min: 0, max: 100 },
  CWQI: { direction: "LOWER_IS_BETTER", unit: "index", precision: 2, min: 0, max: 100 },
};

/** The bureau's city (GB/T 2260, `CITY_CODE`, default 320200 Wuxi); an invalid value falls back to Wuxi. */
export const HOME_CITY_CODE = homeCityCode(typeof process === "undefined" ? undefined : process.env.CITY_CODE);
/** The province of the home city: the first two digits of its code. */
export const PROVINCE_CODE = `${HOME_CITY_CODE.slice(0, 2)}0000`;

/** A city-level code (six digits ending in 00, not a province's 0000), or the default 320200. */
export function homeCityCode(raw: string | undefined): string {
  const code = raw?.trim() ?? "";
  return /^\d{4}00$/.test(code) && !code.endsWith("0000") ? code : "320200";
}

/** The level a GB/T 2260 code names: 32 00 00 province, 32 02 00 city, anything else a county-level unit. */
export function levelOfCode(code: string): "PROVINCE" | "CITY" | "DISTRICT" {
  if (code.endsWith("0000")) return "PROVINCE";
  if (code.endsWith("00")) return "CITY";
  return "DISTRICT";
}

/** The unit a code belongs to: a district's city, a city's province. */
export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === "PROVINCE") return null;
  return level === "CITY" ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
}

/** The file name the demo indicator data is recorded under, so every screen can say it is not real. */
export const DEMO_INDICATOR_FILE = "演示数据（非真实监测数据）demo data, not real monitoring figures";
