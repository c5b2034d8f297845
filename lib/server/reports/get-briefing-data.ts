import "server-only";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { HOME_CITY_CODE, INDICATOR_CODES, INDICATORS, type IndicatorCodeName } from "../../domain/indicators";
import type { RankedUnit } from "../../domain/ranking";
import { type Actor, authorize } from "../../permissions";
import { briefingQuerySchema } from "../../schemas/office";
import { type Locale, parseInput } from "../../schemas/parse";
import { rankScope } from "../indicators/get-rankings";
import { isDemoIndicatorData } from "../indicators/is-demo-data";

/**
 * The figures of the monthly dispatch briefing (调度简报) for month M, as of the end of M (or of
 * today, for the running month): the cut-off is the end of that calendar day in Shanghai.
 * - a problem counts when registered before the cut-off;
 * - closed = it has a closure (销号) before the cut-off that was not reopened before it;
 * - overdue = not closed, not ongoing, and its deadline is before the cut-off day;
 * - closed in M / registered in M = closures / registrations inside the month;
 * - red and yellow lists = the colour grade as last computed (the live ledger), open problems only.
 */
export type BriefingCounts = { total: number; closed: number; open: number; overdue: number; ongoing: number };
export type BriefingRow = BriefingCounts & { name: string };
export type BriefingProblem = {
  code: string;
  title: string;
  district: string;
  leadUnit: string;
  deadline: string | null;
  overdueDays: number;
  progress: number;
};
export type BriefingStanding = {
  indicator: IndicatorCodeName;
  city: RankedUnit | null;
  cities: number;
  provincialAverage: string | null;
  districts: RankedUnit[];
};
export type BriefingData = {
  month: string;
  year: number;
  monthNumber: number;
  cutoffDay: string;
  overall: BriefingCounts & { registeredInMonth: number; closedInMonth: number; closureRate: number };
  byDistrict: BriefingRow[];
  byUnit: BriefingRow[];
  overdue: BriefingProblem[];
  overdueTotal: number;
  red: BriefingProblem[];
  yellow: BriefingProblem[];
  standings: BriefingStanding[];
  demoIndicators: boolean;
  penalties: {
    proposed: { count: number; amount: number };
    confirmed: { count: number; amount: number };
    waived: number;
    decisions: { number: string; district: string; amount: number; decidedOn: string }[];
  };
};

const LIST_LIMIT = 30;

/** Month bounds: the first instant of the month and the cut-off instant (end of the cut-off day), in UTC. */
export function briefingWindow(month: string, now: Date): { start: Date; cutoff: Date; cutoffDay: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const shanghai = (day: Date) => new Date(day.getTime() - 8 * 3600_000);
  const first = parseCalendarDate(`${month}-01`) as Date;
  const last = new Date(Date.UTC(y, m, 0));
  const today = bureauToday(now);
  const cutDay = last.getTime() < today.getTime() ? last : today;
  return {
    start: shanghai(first),
    cutoff: shanghai(new Date(cutDay.getTime() + 86_400_000)),
    cutoffDay: formatCalendarDate(cutDay),
  };
}

export async function getBriefingData(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<BriefingData> {
  authorize(actor, "briefing.read");
  const { month } = parseInput(briefingQuerySchema, raw, opts.locale);
  const now = opts.now ?? clockNow();
  const { start, cutoff, cutoffDay } = briefingWindow(month, now);
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const cutDate = parseCalendarDate(cutoffDay) as Date;

  // One definition of "closed at the cut-off" and "overdue at the cut-off", used by every figure.
  const closedAt = Prisma.sql`EXISTS (SELECT 1 FROM "ProblemClosure" c WHERE c."problemId" = p.id AND c."closedAt" < ${cutoff}
    AND (c."reopenedAt" IS NULL OR c."reopenedAt" >= ${cutoff}))`;
  const overdueAt = Prisma.sql`(NOT ${closedAt} AND p."deadlineBand" <> 'ONGOING' AND p.status <> 'ONGOING'
    AND p.deadline IS NOT NULL AND p.deadline < ${cutDate}::date)`;
  const counts = Prisma.sql`COUNT(*)::int AS total,
    COUNT(*) FILTER (WHERE ${closedAt})::int AS closed,
    COUNT(*) FILTER (WHERE ${overdueAt})::int AS overdue,
    COUNT(*) FILTER (WHERE p."deadlineBand" = 'ONGOING' AND NOT ${closedAt})::int AS ongoing`;
  type Counted = { total: number; closed: number; overdue: number; ongoing: number };
  const withOpen = <T extends Counted>(r: T) => ({ ...r, open: r.total - r.closed });

  const [overallRows, flows, byDistrict, byUnit, overdue, overdueTotal, coloured] = await Promise.all([
    db.$queryRaw<Counted[]>`SELECT ${counts} FROM "Problem" p WHERE p."createdAt" < ${cutoff}`,
    db.$queryRaw<{ registered: number; closures: number }[]>`SELECT
      (SELECT COUNT(*)::int FROM "Problem" WHERE "createdAt" >= ${start} AND "createdAt" < ${cutoff}) AS registered,
      (SELECT COUNT(DISTINCT "problemId")::int FROM "ProblemClosure" WHERE "closedAt" >= ${start} AND "closedAt" < ${cutoff}) AS closures`,
    db.$queryRaw<
      (Counted & { name: string })[]
    >`SELECT d.name, ${counts} FROM "Problem" p JOIN "District" d ON d.id = p."districtId"
      WHERE p."createdAt" < ${cutoff} GROUP BY d.id, d.name, d.code, d."sortOrder" ORDER BY d."sortOrder", d.code`,
    db.$queryRaw<(Counted & { name: string })[]>`SELECT u.name, ${counts} FROM "Problem" p JOIN "Unit" u ON u.id = p."leadUnitId"
      WHERE p."createdAt" < ${cutoff} GROUP BY u.id, u.name, u.code, u."sortOrder" ORDER BY u."sortOrder", u.code`,
    db.$queryRaw<
      (Omit<BriefingProblem, "deadline"> & { deadline: Date })[]
    >`SELECT p.code, p.title, d.name AS district, u.name AS "leadUnit",
        p.deadline, (${cutDate}::date - p.deadline)::int AS "overdueDays", p.progress
      FROM "Problem" p JOIN "District" d ON d.id = p."districtId" JOIN "Unit" u ON u.id = p."leadUnitId"
      WHERE p."createdAt" < ${cutoff} AND ${overdueAt} ORDER BY p.deadline, p.code LIMIT ${LIST_LIMIT}`,
    db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "Problem" p WHERE p."createdAt" < ${cutoff} AND ${overdueAt}`,
    db.problem.findMany({
      where: { colour: { in: ["RED", "YELLOW"] }, status: { not: "CLOSED" }, createdAt: { lt: cutoff } },
      select: {
        code: true,
        title: true,
        colour: true,
        deadline: true,
        progress: true,
        status: true,
        district: { select: { name: true } },
        leadUnit: { select: { name: true } },
      },
      orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { code: "asc" }],
      take: 4 * LIST_LIMIT,
    }),
  ]);
  const overall = withOpen(overallRows[0] ?? { total: 0, closed: 0, overdue: 0, ongoing: 0 });
  const listed = (colour: "RED" | "YELLOW") =>
    coloured
      .filter((p) => p.colour === colour)
      .slice(0, LIST_LIMIT)
      .map((p) => ({
        code: p.code,
        title: p.title,
        district: p.district.name,
        leadUnit: p.leadUnit.name,
        deadline: p.deadline ? formatCalendarDate(p.deadline) : null,
        overdueDays: p.deadline && p.deadline < cutDate ? Math.round((cutDate.getTime() - p.deadline.getTime()) / 86_400_000) : 0,
        progress: p.progress,
      }));

  const standings = (
    await Promise.all(
      INDICATOR_CODES.map(async (indicator): Promise<BriefingStanding | null> => {
        const [province, districts] = await Promise.all([
          rankScope("PROVINCE_CITIES", indicator, year, monthNumber, true),
          rankScope("CITY_DISTRICTS", indicator, year, monthNumber, true),
        ]);
        const city = province.items.find((i) => i.unitCode === HOME_CITY_CODE) ?? null;
        if (!city?.value && !districts.items.some((d) => d.value)) return null;
        return {
          indicator,
          city,
          cities: province.items.filter((i) => i.value !== null).length,
          provincialAverage: province.provincialAverage,
          districts: districts.items.filter((d) => d.value !== null),
        };
      }),
    )
  ).filter((s): s is BriefingStanding => s !== null);

  const [proposals, decisions] = await Promise.all([
    db.penaltyProposal.groupBy({
      by: ["status"],
      where: { year, month: monthNumber },
      _count: { _all: true },
      _sum: { amount: true },
    }),
    db.penaltyDecision.findMany({
      where: { decidedOn: { gte: parseCalendarDate(`${month}-01`) as Date, lte: cutDate } },
      select: { number: true, amount: true, decidedOn: true, district: { select: { name: true } } },
      orderBy: [{ year: "asc" }, { seq: "asc" }],
    }),
  ]);
  const of = (statuses: string[]) => {
    const rows = proposals.filter((p) => statuses.includes(p.status));
    return { count: rows.reduce((s, r) => s + r._count._all, 0), amount: rows.reduce((s, r) => s + (r._sum.amount ?? 0), 0) };
  };

  return {
    month,
    year,
    monthNumber,
    cutoffDay,
    overall: {
      ...overall,
      registeredInMonth: flows[0]?.registered ?? 0,
      closedInMonth: flows[0]?.closures ?? 0,
      closureRate: overall.total ? Math.round((overall.closed / overall.total) * 1000) / 10 : 0,
    },
    byDistrict: byDistrict.map(withOpen),
    byUnit: byUnit.map(withOpen),
    overdue: overdue.map((p) => ({ ...p, deadline: formatCalendarDate(p.deadline) })),
    overdueTotal: overdueTotal[0]?.n ?? 0,
    red: listed("RED"),
    yellow: listed("YELLOW"),
    standings,
    demoIndicators: standings.length > 0 && (await isDemoIndicatorData(actor)),
    penalties: {
      proposed: of(["PROPOSED", "CONFIRMED", "WAIVED", "WITHDRAWN"]),
      confirmed: of(["CONFIRMED"]),
      waived: of(["WAIVED"]).count,
      decisions: decisions.map((d) => ({
        number: d.number,
        district: d.district.name,
        amount: d.amount,
        decidedOn: formatCalendarDate(d.decidedOn),
      })),
    },
  };
}

export { INDICATORS };
