import "server-only";
import { db } from "../../db";
import { addDays, bureauToday, formatCalendarDate } from "../../domain/calendar";

/** Bumped when the evaluation's code reads its inputs differently, so every cached month is evaluated again. */
const EVALUATION_RULES_VERSION = "1";

/**
 * A hash of every input `computeDistrictPenalties(year, month)` reads, taken whole-row so no
 * column can change unseen (a superset: a change that cannot alter the result may still cause one
 * evaluation more, never one less): the districts; the year's and the last year's year-to-date
 * PM2.5 and good-air figures through the month; the open problems past their deadline at the
 * month's end (or today; the setting's overdue days narrow these further); every established or withdrawn finding with its
 * problem's code and district; the hazards with their problem's status; the active water sections
 * and the year's section results through the month; the rule versions; the settings; and the day
 * the month is judged on. Read in one statement, so it is one consistent snapshot.
 */
export async function penaltyInputsFingerprint(year: number, month: number, now = new Date()): Promise<string> {
  const endOfMonth = new Date(Date.UTC(year, month, 0));
  const today = bureauToday(now);
  const evaluatedOn = endOfMonth < today ? endOfMonth : today;
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT md5(concat_ws('|', ${EVALUATION_RULES_VERSION}::text, ${formatCalendarDate(evaluatedOn)}::text,
      (SELECT md5(string_agg(d::text, ',' ORDER BY d.id)) FROM "District" d),
      (SELECT md5(string_agg(v::text, ',' ORDER BY v.id)) FROM "IndicatorValue" v
        WHERE v.indicator IN ('PM25', 'GOOD_AIR_RATIO') AND v.cumulative AND v.year IN (${year}::int, ${year - 1}::int) AND v.month <= ${month}::int),
      (SELECT md5(string_agg(p.id::text || ':' || p.code || ':' || coalesce(p."districtId"::text, ''), ',' ORDER BY p.id)) FROM "Problem" p
        WHERE p.status NOT IN ('CLOSED', 'ONGOING') AND p."createdAt" <= ${addDays(endOfMonth, 1)}
          AND p.deadline < ${formatCalendarDate(evaluatedOn)}::date),
      (SELECT md5(string_agg(f::text || ':' || p.code || ':' || coalesce(p."districtId"::text, ''), ',' ORDER BY f.id))
        FROM "RectificationFinding" f JOIN "Problem" p ON p.id = f."problemId"),
      (SELECT md5(string_agg(h::text || ':' || coalesce(p.status::text, ''), ',' ORDER BY h.id))
        FROM "Hazard" h LEFT JOIN "Problem" p ON p.id = h."problemId"),
      (SELECT md5(string_agg(s::text, ',' ORDER BY s.id)) FROM "WaterSection" s),
      (SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) FROM "WaterSectionResult" r WHERE r.year = ${year}::int AND r.month <= ${month}::int),
      (SELECT md5(string_agg(x::text, ',' ORDER BY x.id)) FROM "PenaltyRuleVersion" x),
      (SELECT md5(string_agg(t::text, ',' ORDER BY t.key)) FROM "Setting" t))) AS fingerprint`;
  return row?.fingerprint ?? "";
}
