import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { addDays, bureauToday, formatCalendarDate } from "../../domain/calendar";
import { HOME_CITY_CODE } from "../../domain/indicators";
import {
  type AirMonth,
  type DistrictPenalty,
  evaluateDistrictPenalties,
  type SectionRecord,
  type UnrectifiedProblem,
} from "../../domain/penalties";
import { listEstablishedFindings } from "../findings/list-established-findings";
import { listRegisteredHazards } from "../penalties/list-registered-hazards";
import { inForce, listRuleVersions, type PenaltyRuleVersionDto } from "../penalties/penalty-rules";
import { sectionRecordsByDistrict } from "../sections/section-records";
import { getSettings } from "../settings/get-settings";

export type DistrictPenaltyReport = DistrictPenalty & { districtId: string; districtName: string };

/**
 * Evaluates the penalty rules for every district of the city through `month` of `year`, each month
 * by the rule version in force then, from the imported year-to-date air figures (this year, last
 * year, the city), the water sections' missed months (`sections`, per district code; read from the imported
 * section results when not given), the ledger (problems overdue beyond `penaltyOverdueDays` at the
 * end of the month), the established findings of perfunctory or false rectification (never a
 * failed acceptance alone) and the register's red hazards past their deadline.
 */
export async function computeDistrictPenalties(
  year: number,
  month: number,
  now = clockNow(),
  sections?: Record<string, SectionRecord[]>,
  versions?: PenaltyRuleVersionDto[],
): Promise<DistrictPenaltyReport[]> {
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
  // Rectified perfunctorily or falsely: only as established by a finding up to the month's end.
  const findings = await listEstablishedFindings(new Date(0), addDays(endOfMonth, 1));
  const hazards = await listRegisteredHazards();
  // The water sections' missed months, from the imported monthly results unless given.
  const sectionsByDistrict = sections ?? Object.fromEntries(await sectionRecordsByDistrict(year, month));
  const allVersions = versions ?? (await listRuleVersions());
  const rulesAt = (m: number) => inForce(allVersions, year, m).rules;

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
    const problems: UnrectifiedProblem[] = [
      ...lateProblems
        .filter((p) => p.districtId === d.id)
        .map((p): UnrectifiedProblem => ({ problemId: p.id, code: p.code, reason: "OVERDUE" })),
      ...findings
        .filter((f) => f.districtId === d.id)
        .map(
          (f): UnrectifiedProblem => ({
            problemId: f.problemId,
            code: f.problemCode,
            reason: f.kind === "FAKE_EVIDENCE" ? "FALSE" : "PERFUNCTORY",
            findingId: f.id,
          }),
        ),
    ];
    return {
      ...evaluateDistrictPenalties(
        {
          districtCode: d.code,
          year,
          air,
          sections: sectionsByDistrict[d.code] ?? [],
          problems,
          hazards: hazards.filter((h) => h.districtCode === d.code),
          evaluatedOn: formatCalendarDate(evaluatedOn),
        },
        month,
        rulesAt,
      ),
      districtId: d.id,
      districtName: d.name,
    };
  });
}
