import { db } from "../../db";
import { addDays, bureauToday } from "../../domain/calendar";
import { HOME_CITY_CODE } from "../../domain/indicators";
import {
  type AirMonth,
  type DistrictPenalty,
  evaluateDistrictPenalties,
  mergePenaltyRules,
  type PenaltyRules,
  type UnrectifiedProblem,
} from "../../domain/penalties";
import { type Actor, authorize } from "../../permissions";
import { penaltyQuerySchema } from "../../schemas/indicator";
import { type Locale, parseInput } from "../../schemas/parse";
import { sectionRecordsByDistrict } from "../sections/section-records";
import { getSettings } from "../settings/get-settings";

export type DistrictPenaltyReport = DistrictPenalty & { districtName: string };

/** The penalty rules in force: the `penaltyRules` setting (validated key by key) over the Wuxi rules. */
async function penaltyRules(): Promise<PenaltyRules> {
  const row = await db.setting.findUnique({ where: { key: "penaltyRules" } });
  return mergePenaltyRules(row?.value);
}

/**
 * Evaluates the penalty rules for every district of the city through `month` of `year`, from the
 * imported year-to-date air figures (this year, last year, the city) and the ledger (problems
 * overdue beyond the threshold at the end of the month, or whose acceptance failed this year). Water sections are evaluated from their
 * imported monthly results (a month worse than the section's target class is missed).
 */
export async function computeDistrictPenalties(year: number, month: number, now = new Date()): Promise<DistrictPenaltyReport[]> {
  const districts = await db.district.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const values = await db.indicatorValue.findMany({
    where: {
      indicator: { in: ["PM25", "GOOD_AIR_RATIO"] },
      cumulative: true,
      year: { in: [year, year - 1] },
      month: { lte: month },
      unitCode: { in: [HOME_CITY_CODE, ...districts.map((d) => d.code)] },
    },
    select: { unitCode: true, indicator: true, year: true, month: true, valueText: true },
  });
  const v = (unit: string, indicator: string, y: number, m: number) =>
    values.find((x) => x.unitCode === unit && x.indicator === indicator && x.year === y && x.month === m)?.valueText ?? null;

  const endOfMonth = new Date(Date.UTC(year, month, 0));
  const today = bureauToday(now);
  const evaluatedOn = endOfMonth < today ? endOfMonth : today;
  // Overdue by more than this many days counts as "not rectified" for the penalty rule.
  const overdueDays = (await getSettings()).penaltyOverdueDays;
  const lateProblems = await db.problem.findMany({
    where: {
      status: { notIn: ["CLOSED", "ONGOING"] },
      deadline: { lt: addDays(evaluatedOn, -overdueDays) },
      createdAt: { lte: addDays(endOfMonth, 1) },
    },
    select: { id: true, code: true, districtId: true },
  });
  // Rectified perfunctorily or falsely: acceptance failed (验收不通过) this year up to the month's end.
  const failedAcceptance = await db.problemTransition.findMany({
    where: { action: "FAIL_ACCEPTANCE", at: { gte: new Date(Date.UTC(year, 0, 1)), lt: addDays(endOfMonth, 1) } },
    distinct: ["problemId"],
    select: { problem: { select: { id: true, code: true, districtId: true } } },
  });
  const rules = await penaltyRules();
  const sectionRecords = await sectionRecordsByDistrict(year, month);

  return districts.map((d) => {
    const air: AirMonth[] = Array.from({ length: month }, (_, i) => i + 1).map((m) => ({
      month: m,
      pm25: v(d.code, "PM25", year, m),
      pm25LastYear: v(d.code, "PM25", year - 1, m),
      pm25CityAverage: v(HOME_CITY_CODE, "PM25", year, m),
      goodAirRatio: v(d.code, "GOOD_AIR_RATIO", year, m),
      goodAirRatioLastYear: v(d.code, "GOOD_AIR_RATIO", year - 1, m),
      goodAirRatioCityAverage: v(HOME_CITY_CODE, "GOOD_AIR_RATIO", year, m),
    }));
    const overdue: UnrectifiedProblem[] = lateProblems
      .filter((p) => p.districtId === d.id)
      .map((p) => ({ problemId: p.id, code: p.code, reason: "OVERDUE" }));
    const counted = new Set(overdue.map((p) => p.problemId));
    const perfunctory: UnrectifiedProblem[] = failedAcceptance
      .map((t) => t.problem)
      .filter((p) => p.districtId === d.id && !counted.has(p.id))
      .map((p) => ({ problemId: p.id, code: p.code, reason: "PERFUNCTORY" }));
    const problems = [...overdue, ...perfunctory];
    return {
      ...evaluateDistrictPenalties(
        { districtCode: d.code, air, sections: sectionRecords.get(d.code) ?? [], problems },
        month,
        rules,
      ),
      districtName: d.name,
    };
  });
}

/** `GET /api/v1/penalties?year=&month=`: every district with its hits, fees and the evidence behind each. */
export async function getPenalties(actor: Actor, raw: unknown, opts: { locale?: Locale; now?: Date } = {}) {
  authorize(actor, "indicator.read");
  const q = parseInput(penaltyQuerySchema, raw, opts.locale);
  const items = await computeDistrictPenalties(q.year, q.month, opts.now);
  return { year: q.year, month: q.month, items, totalFee: items.reduce((s, d) => s + d.totalFee, 0) };
}
