/**
 * Demo water sections — plausible, NOT real monitoring data: twelve sections in Wuxi's districts
 * (national and provincial, on rivers and Taihu points, each named "（演示）"), 24 months of classes
 * ending last month, and this year's annual targets for the city and its districts. Two sections
 * miss their target in 3+ months of this year (one of them in 6, so its fee doubles), and every
 * section of 江阴 meets class Ⅲ and its target (so the exemption has a case). Deterministic for a
 * given `now`. Recorded as one import named as demo data.
 */
import type { IndicatorCode } from "@prisma/client";
import type { Tx } from "../lib/db";
import { bureauToday } from "../lib/domain/calendar";
import { DEMO_INDICATOR_FILE, HOME_CITY_CODE } from "../lib/domain/indicators";

type DemoSection = {
  code: string;
  name: string;
  waterBody: string;
  district: string;
  level: "NATIONAL" | "PROVINCIAL";
  targetClass: number;
  /** Usual class and how much it wanders (0 = steady). */
  usual: number;
  wander: number;
  /** Months of this year forced worse than the target. */
  missThisYear?: (monthsSoFar: number) => number[];
};

export const DEMO_SECTIONS: readonly DemoSection[] = [
  {
    code: "DEMO-WX-01",
    name: "沙渚（演示）",
    waterBody: "太湖",
    district: "320211",
    level: "NATIONAL",
    targetClass: 3,
    usual: 3,
    wander: 1,
  },
  {
    code: "DEMO-WX-02",
    name: "犊山口（演示）",
    waterBody: "梁溪河",
    district: "320211",
    level: "PROVINCIAL",
    targetClass: 3,
    usual: 3,
    wander: 0,
  },
  {
    code: "DEMO-WX-03",
    name: "张桥（演示）",
    waterBody: "望虞河",
    district: "320205",
    level: "NATIONAL",
    targetClass: 3,
    usual: 2,
    wander: 1,
  },
  {
    code: "DEMO-WX-04",
    name: "锡北运河大桥（演示）",
    waterBody: "锡北运河",
    district: "320205",
    level: "PROVINCIAL",
    targetClass: 4,
    usual: 3,
    wander: 1,
  },
  {
    code: "DEMO-WX-05",
    name: "五牧（演示）",
    waterBody: "京杭运河",
    district: "320206",
    level: "NATIONAL",
    targetClass: 3,
    usual: 3,
    wander: 0,
    // Missed twice over in the year: three months in spring, three more in summer.
    missThisYear: (n) => [1, 2, 3, 6, 7, 8].filter((m) => m <= n),
  },
  {
    code: "DEMO-WX-06",
    name: "南门（演示）",
    waterBody: "古运河",
    district: "320213",
    level: "PROVINCIAL",
    targetClass: 4,
    usual: 4,
    wander: 1,
  },
  {
    code: "DEMO-WX-07",
    name: "伯渎港桥（演示）",
    waterBody: "伯渎港",
    district: "320214",
    level: "PROVINCIAL",
    targetClass: 4,
    usual: 4,
    wander: 0,
    missThisYear: (n) => [2, 3, 4].filter((m) => m <= n),
  },
  {
    code: "DEMO-WX-08",
    name: "西石桥（演示）",
    waterBody: "长江",
    district: "320281",
    level: "NATIONAL",
    targetClass: 2,
    usual: 2,
    wander: 0,
  },
  {
    code: "DEMO-WX-09",
    name: "锡澄运河南闸（演示）",
    waterBody: "锡澄运河",
    district: "320281",
    level: "PROVINCIAL",
    targetClass: 3,
    usual: 3,
    wander: 0,
  },
  {
    code: "DEMO-WX-10",
    name: "大浦口（演示）",
    waterBody: "太湖",
    district: "320282",
    level: "NATIONAL",
    targetClass: 3,
    usual: 3,
    wander: 1,
  },
  {
    code: "DEMO-WX-11",
    name: "殷村港（演示）",
    waterBody: "西氿",
    district: "320282",
    level: "PROVINCIAL",
    targetClass: 3,
    usual: 3,
    wander: 1,
  },
  {
    code: "DEMO-WX-12",
    name: "贡湖（演示）",
    waterBody: "太湖贡湖湾",
    district: "320299",
    level: "NATIONAL",
    targetClass: 3,
    usual: 3,
    wander: 1,
  },
];

/**
 * Annual targets (demo): city and districts, near the demo indicator figures so the dashboard shows
 * a mix — met, not yet met, secured, out of reach.
 */
const DEMO_TARGETS: readonly { indicator: IndicatorCode; city: string; spread: readonly string[] }[] = [
  { indicator: "PM25", city: "35", spread: ["29", "36", "37", "35", "38"] },
  { indicator: "GOOD_AIR_RATIO", city: "78.0", spread: ["76.0", "80.0", "75.0", "78.0", "77.0"] },
  { indicator: "WATER_GOOD_RATIO", city: "85.0", spread: ["80.0", "90.0", "75.0", "85.0", "80.0"] },
];

/** A number in [0, 1) from a text: FNV-1a with a murmur finaliser, so neighbouring months do not correlate. */
function stableUnit(seed: string): number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The planned results: 24 months ending last month (Asia/Shanghai). Pure. */
export function planDemoSectionResults(now: Date): { code: string; year: number; month: number; waterClass: number }[] {
  const today = bureauToday(now);
  const lastIndex = today.getUTCFullYear() * 12 + today.getUTCMonth() - 1;
  const thisYear = Math.floor(lastIndex / 12);
  const monthsSoFar = (lastIndex % 12) + 1;
  const out: { code: string; year: number; month: number; waterClass: number }[] = [];
  for (const s of DEMO_SECTIONS) {
    const misses = new Set(s.missThisYear?.(monthsSoFar) ?? []);
    for (let index = lastIndex - 23; index <= lastIndex; index++) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      const r = stableUnit(`${s.code}|${year}|${month}`);
      // Mostly the usual class; now and then one better; rarely one worse (only last year, so this year's misses are the planned ones).
      let waterClass = s.usual;
      if (s.wander && r < 0.25) waterClass = Math.max(1, s.usual - 1);
      else if (s.wander && r > 0.93 && year < thisYear) waterClass = Math.min(6, s.usual + 1);
      if (year === thisYear) waterClass = Math.min(waterClass, s.targetClass);
      if (year === thisYear && misses.has(month)) waterClass = Math.min(6, s.targetClass + (month % 2 ? 1 : 2));
      out.push({ code: s.code, year, month, waterClass });
    }
  }
  return out;
}

export async function seedDemoSections(
  tx: Tx,
  opts: { now?: Date } = {},
): Promise<{ sections: number; results: number; targets: number }> {
  const now = opts.now ?? new Date();
  const coordinator = await tx.user.findFirst({
    where: { role: { in: ["COORDINATOR", "ADMIN"] } },
    orderBy: { role: "asc" },
    select: { id: true },
  });
  if (!coordinator) return { sections: 0, results: 0, targets: 0 };
  const districts = await tx.district.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true },
  });
  const districtId = new Map(districts.map((d) => [d.code, d.id]));
  const sectionIds = new Map<string, string>();
  for (const s of DEMO_SECTIONS) {
    const id = districtId.get(s.district);
    if (!id) continue;
    const row = await tx.waterSection.create({
      data: { code: s.code, name: s.name, waterBody: s.waterBody, districtId: id, level: s.level, targetClass: s.targetClass },
    });
    sectionIds.set(s.code, row.id);
  }
  const results = planDemoSectionResults(now).filter((r) => sectionIds.has(r.code));
  const record = await tx.waterSectionImport.create({
    data: {
      fileName: DEMO_INDICATOR_FILE,
      sha256: "demo",
      rowCount: results.length,
      imported: results.length,
      replaced: 0,
      importedById: coordinator.id,
    },
  });
  await tx.waterSectionResult.createMany({
    data: results.map((r) => ({
      sectionId: sectionIds.get(r.code) as string,
      year: r.year,
      month: r.month,
      waterClass: r.waterClass,
      keyPollutants: r.waterClass > 3 ? "总磷" : null,
      importId: record.id,
    })),
  });
  const year = bureauToday(now).getUTCFullYear();
  const targets = DEMO_TARGETS.flatMap((t) => [
    { unitCode: HOME_CITY_CODE, indicator: t.indicator, valueText: t.city },
    ...districts.map((d, i) => ({
      unitCode: d.code,
      indicator: t.indicator,
      valueText: t.spread[i % t.spread.length] as string,
    })),
  ]);
  await tx.annualTarget.createMany({ data: targets.map((t) => ({ ...t, year, updatedById: coordinator.id })) });
  return { sections: sectionIds.size, results: results.length, targets: targets.length };
}
