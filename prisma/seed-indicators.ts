/**
 * Demo indicator data — plausible, NOT real monitoring data: 24 months of monthly and
 * year-to-date values for Jiangsu, its 13 cities and the home city's districts, deterministic for
 * a given `today`. Recorded as one import named as demo data so nobody mistakes it for real figures.
 */
import type { IndicatorCode, PrismaClient } from "@prisma/client";
import {
  DEMO_INDICATOR_FILE,
  INDICATOR_CODES,
  INDICATORS,
  type IndicatorCodeName,
  levelOfCode,
  PROVINCE_CODE,
} from "../lib/domain/indicators";

export const JIANGSU_CITIES: readonly [string, string][] = [
  ["320100", "南京市"],
  ["320200", "无锡市"],
  ["320300", "徐州市"],
  ["320400", "常州市"],
  ["320500", "苏州市"],
  ["320600", "南通市"],
  ["320700", "连云港市"],
  ["320800", "淮安市"],
  ["320900", "盐城市"],
  ["321000", "扬州市"],
  ["321100", "镇江市"],
  ["321200", "泰州市"],
  ["321300", "宿迁市"],
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Typical level and seasonal swing (winter high for particles, summer high for ozone). */
const PROFILE: Record<IndicatorCodeName, { level: number; swing: number; spread: number; peakMonth: number }> = {
  PM25: { level: 31, swing: 14, spread: 5, peakMonth: 1 },
  GOOD_AIR_RATIO: { level: 81, swing: 9, spread: 5, peakMonth: 10 },
  O3_8H_90P: { level: 160, swing: 35, spread: 10, peakMonth: 6 },
  AQCI: { level: 4.0, swing: 0.9, spread: 0.4, peakMonth: 1 },
  WATER_GOOD_RATIO: { level: 88, swing: 4, spread: 8, peakMonth: 11 },
  WATER_BAD_RATIO: { level: 0.8, swing: 0.6, spread: 0.8, peakMonth: 7 },
  CWQI: { level: 4.4, swing: 0.5, spread: 0.6, peakMonth: 7 },
};

/** Units whose figures worsen this year, so the demo shows a penalty and a named district. */
const WORSENING = new Set(["320206", "320282"]);

function format(value: number, indicator: IndicatorCodeName): string {
  const meta = INDICATORS[indicator];
  const clamped = Math.min(meta.max, Math.max(meta.min, value));
  return clamped.toFixed(meta.precision);
}

type Row = {
  unitCode: string;
  indicator: IndicatorCode;
  year: number;
  month: number;
  cumulative: boolean;
  valueText: string;
  value: string;
};

/** The 24 months before the current one (figures are published after the month ends). */
export function demoMonths(today: Date): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  for (let back = 24; back >= 1; back--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    out.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });
  }
  return out;
}

export function planDemoIndicators(today: Date, districts: readonly { code: string; name: string }[]): Row[] {
  const rand = mulberry32(20210901);
  const months = demoMonths(today);
  const thisYear = today.getUTCFullYear();
  const units = [...JIANGSU_CITIES.map(([code]) => code), ...districts.map((d) => d.code)];
  const offset = new Map(units.map((u) => [u, rand() * 2 - 1]));
  const rows: Row[] = [];
  const monthly = new Map<string, number>();

  for (const indicator of INDICATOR_CODES) {
    const p = PROFILE[indicator];
    const worseIsUp = INDICATORS[indicator].direction === "LOWER_IS_BETTER";
    for (const unit of units) {
      for (const { year, month } of months) {
        const season = Math.cos(((month - p.peakMonth) / 12) * 2 * Math.PI);
        // Districts scatter around Wuxi's level; worsening ones drift the wrong way this year.
        const base = levelOfCode(unit) === "DISTRICT" ? p.level + (offset.get("320200") ?? 0) * p.spread : p.level;
        let v = base + season * p.swing + (offset.get(unit) ?? 0) * p.spread + (rand() - 0.5) * p.spread * 0.4;
        if (WORSENING.has(unit) && year === thisYear) v += (worseIsUp ? 1 : -1) * p.spread * 1.2;
        monthly.set(`${unit}|${indicator}|${year}|${month}`, v);
      }
    }
    // The province and the home city are the means of their units (the city of its districts).
    for (const { year, month } of months) {
      const mean = (codes: string[]) =>
        codes.reduce((s, c) => s + (monthly.get(`${c}|${indicator}|${year}|${month}`) ?? 0), 0) / codes.length;
      monthly.set(`${PROVINCE_CODE}|${indicator}|${year}|${month}`, mean(JIANGSU_CITIES.map(([c]) => c)));
      if (districts.length) monthly.set(`320200|${indicator}|${year}|${month}`, mean(districts.map((d) => d.code)));
    }
    for (const unit of [PROVINCE_CODE, ...units]) {
      for (const { year, month } of months) {
        const m = monthly.get(`${unit}|${indicator}|${year}|${month}`) as number;
        const ytd: number[] = [];
        for (let k = 1; k <= month; k++) {
          const x = monthly.get(`${unit}|${indicator}|${year}|${k}`);
          if (x !== undefined) ytd.push(x);
        }
        const cum = ytd.reduce((s, x) => s + x, 0) / ytd.length;
        for (const [cumulative, value] of [
          [false, m],
          [true, cum],
        ] as const) {
          const text = format(value, indicator);
          rows.push({ unitCode: unit, indicator, year, month, cumulative, valueText: text, value: text });
        }
      }
    }
  }
  return rows;
}

/** Loads the demo indicator data (units and values) and records it as one clearly named import. */
export async function seedDemoIndicators(
  db: PrismaClient,
  opts: { today?: Date; importedById: string },
): Promise<{ values: number }> {
  const today = opts.today ?? new Date();
  const districts = await db.district.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } });
  await db.statUnit.createMany({
    data: [
      { code: PROVINCE_CODE, name: "江苏省", level: "PROVINCE" as const, parentCode: null },
      ...JIANGSU_CITIES.map(([code, name]) => ({ code, name, level: "CITY" as const, parentCode: PROVINCE_CODE })),
      ...districts.map((d) => ({ code: d.code, name: d.name, level: "DISTRICT" as const, parentCode: "320200" })),
    ],
    skipDuplicates: true,
  });
  const rows = planDemoIndicators(today, districts);
  const record = await db.indicatorImport.create({
    data: {
      fileName: DEMO_INDICATOR_FILE,
      sha256: "demo",
      rowCount: rows.length,
      imported: rows.length,
      replaced: 0,
      importedById: opts.importedById,
    },
  });
  for (let i = 0; i < rows.length; i += 5000) {
    await db.indicatorValue.createMany({
      data: rows.slice(i, i + 5000).map((r) => ({ ...r, importId: record.id })),
      skipDuplicates: true,
    });
  }
  return { values: rows.length };
}

/** Loads the demo indicator data when the database has none (a ledger seeded earlier gets it on the next start). */
export async function ensureDemoIndicators(db: PrismaClient, log: (s: string) => void = () => {}): Promise<void> {
  if (await db.indicatorValue.findFirst({ select: { id: true } })) return;
  const importer = await db.user.findFirst({
    where: { role: { in: ["COORDINATOR", "ADMIN"] } },
    orderBy: { role: "asc" },
    select: { id: true },
  });
  if (!importer) return;
  const { values } = await seedDemoIndicators(db, { importedById: importer.id });
  log(`${values} demo indicator values (labelled as demo data, not real monitoring figures)`);
}
