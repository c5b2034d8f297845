import "server-only";
import type { District, WaterSection, WaterSectionResult } from "@prisma/client";
import { classLabel, isMiss } from "../../domain/water-sections";

export type MonthResult = {
  period: string;
  waterClass: number | null;
  classLabel: string | null;
  keyPollutants: string | null;
  /** null when there is no result that month (not a miss). */
  missed: boolean | null;
};

export type SectionDto = {
  id: string;
  code: string;
  name: string;
  waterBody: string;
  districtCode: string;
  districtName: string;
  level: "NATIONAL" | "PROVINCIAL";
  targetClass: number;
  targetClassLabel: string;
  active: boolean;
  version: number;
  months: MonthResult[];
};

export const periodText = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

/** The `count` months ending with (year, month), oldest first. */
export function monthsEnding(year: number, month: number, count = 24): { year: number; month: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  });
}

export function toSectionDto(
  s: WaterSection & { district: Pick<District, "code" | "name">; results?: WaterSectionResult[] },
  window: { year: number; month: number }[],
): SectionDto {
  const byPeriod = new Map((s.results ?? []).map((r) => [periodText(r.year, r.month), r]));
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    waterBody: s.waterBody,
    districtCode: s.district.code,
    districtName: s.district.name,
    level: s.level,
    targetClass: s.targetClass,
    targetClassLabel: classLabel(s.targetClass),
    active: s.active,
    version: s.version,
    months: window.map(({ year, month }) => {
      const period = periodText(year, month);
      const r = byPeriod.get(period);
      return r
        ? {
            period,
            waterClass: r.waterClass,
            classLabel: classLabel(r.waterClass),
            keyPollutants: r.keyPollutants,
            missed: isMiss(r.waterClass, s.targetClass),
          }
        : { period, waterClass: null, classLabel: null, keyPollutants: null, missed: null };
    }),
  };
}

export function auditSnapshot(s: WaterSection & { district: Pick<District, "code"> }) {
  return {
    code: s.code,
    name: s.name,
    waterBody: s.waterBody,
    districtCode: s.district.code,
    level: s.level,
    targetClass: s.targetClass,
    active: s.active,
  };
}
