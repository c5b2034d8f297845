import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { addDays, bureauToday, formatCalendarDate } from "../../domain/calendar";

/** Bumped when the evaluation's code reads its inputs differently, so every cached month is evaluated again. */
const EVALUATION_RULES_VERSION = "1";

/**
 * A hash of every input `computeDistrictPenalties(year, month)` reads, taken whole-row so no
 * column can change unseen (a superset: a change that cannot alter the result may still cause one
 * evaluation more, never one less); each table's rows are summed as 64-bit hashes with their count
 * (order-free, no sort): the districts; the year's and the last year's year-to-date
 * PM2.5 and good-air figures through the month; the open problems past their deadline at the
 * month's end (or today; the setting's overdue days narrow these further); every established or withdrawn finding with its
 * problem's code and district; the hazards with their problem's status; the active water sections
 * and the year's section results through the month; the rule versions; the settings; and the day
 * the month is judged on. Read in one statement, so it is one consistent snapshot.
 */
export async function penaltyInputsFingerprint(year: number, month: number, now = clockNow()): Promise<string> {
  const endOfMonth = new Date(Date.UTC(year, month, 0));
  const today = bureauToday(now);
  const evaluatedOn = endOfMonth < today ? endOfMonth : today;
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT md5(concat_ws('|', ${EVALUATION_RULES_VERSION}::text, ${formatCalendarDate(evaluatedOn)}::text,
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(d::text, 0)), 0) FROM "District" d),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(v::text, 0)), 0) FROM "IndicatorValue" v
        WHERE v.indicator IN ('PM25', 'GOOD_AIR_RATIO') AND v.cumulative AND v.year IN (${year}::int, ${year - 1}::int) AND v.month <= ${month}::int),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(p.id::text || ':' || p.code || ':' || coalesce(p."districtId"::text, ''), 0)), 0) FROM "Problem" p
        WHERE p.status NOT IN ('CLOSED', 'ONGOING') AND p."createdAt" <= ${addDays(endOfMonth, 1)}
          AND p.deadline < ${formatCalendarDate(evaluatedOn)}::date),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(f::text || ':' || p.code || ':' || coalesce(p."districtId"::text, ''), 0)), 0)
        FROM "RectificationFinding" f JOIN "Problem" p ON p.id = f."problemId"),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(h::text || ':' || coalesce(p.status::text, ''), 0)), 0)
        FROM "Hazard" h LEFT JOIN "Problem" p ON p.id = h."problemId"),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(s::text, 0)), 0) FROM "WaterSection" s),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) FROM "WaterSectionResult" r WHERE r.year = ${year}::int AND r.month <= ${month}::int),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) FROM "PenaltyRuleVersion" x),
      (SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) FROM "Setting" t))) AS fingerprint`;
  return row?.fingerprint ?? "";
}
