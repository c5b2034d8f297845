import "server-only";
import { db } from "../../db";
import { HOME_CITY_CODE } from "../../domain/indicators";
import { isWaterExempt } from "../../domain/water-sections";

/**
 * The units that cannot enter the province's water worst list for (year, month): a district (its
 * code is its county-level code) whose every active section has a result in each month 1..month
 * at class Ⅲ or better and no worse than its target; the city when all its active sections do.
 * A month without a result withholds the exemption (nothing proves it was met).
 */
export async function waterExemptUnitCodes(year: number, month: number): Promise<Set<string>> {
  const sections = await db.waterSection.findMany({
    where: { active: true },
    select: {
      targetClass: true,
      district: { select: { code: true } },
      results: { where: { year, month: { gte: 1, lte: month } }, select: { month: true, waterClass: true } },
    },
  });
  const byDistrict = new Map<string, typeof sections>();
  for (const s of sections) byDistrict.set(s.district.code, [...(byDistrict.get(s.district.code) ?? []), s]);
  const exempt = new Set<string>();
  for (const [code, list] of byDistrict) if (isWaterExempt(list, month)) exempt.add(code);
  if (isWaterExempt(sections, month)) exempt.add(HOME_CITY_CODE);
  return exempt;
}
