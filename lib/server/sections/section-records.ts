import "server-only";
import { db } from "../../db";
import type { SectionRecord } from "../../domain/penalties";
import { missedMonths } from "../../domain/water-sections";

/**
 * Each district's active sections with the months (1..month of `year`) in which they missed their
 * target class — what the section penalty rule reads. A month without a result is not a miss.
 */
export async function sectionRecordsByDistrict(year: number, month: number): Promise<Map<string, SectionRecord[]>> {
  const sections = await db.waterSection.findMany({
    where: { active: true },
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      level: true,
      targetClass: true,
      district: { select: { code: true } },
      results: { where: { year, month: { gte: 1, lte: month } }, select: { month: true, waterClass: true } },
    },
  });
  const out = new Map<string, SectionRecord[]>();
  for (const s of sections) {
    const list = out.get(s.district.code) ?? [];
    list.push({
      sectionCode: s.code,
      sectionName: s.name,
      level: s.level,
      missedMonths: missedMonths(s.results, s.targetClass, month),
    });
    out.set(s.district.code, list);
  }
  return out;
}
