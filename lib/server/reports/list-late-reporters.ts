import "server-only";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type LateReporterDto, lateReportersQuerySchema } from "../../schemas/report";
import { problemScopeSql } from "../problems/scope";
import { getSettings } from "../settings/get-settings";
import { lastReportSql, reportDueOnSql, reportDutySql } from "./late-report-sql";

type LateRow = {
  id: string;
  code: string;
  title: string;
  leadUnitId: string;
  unitName: string;
  unitCode: string;
  lastReportAt: Date | null;
  dueOn: string;
  daysLate: number;
};

/**
 * Lead units behind on their periodic progress reports (see `reportStanding`). The lead unit
 * answers for the problem being reported on: a report filed by a co-operating unit, or entered by
 * the inspection office from a paper submission, counts for it too. Limited to the problems the
 * caller may see; worst first — most late problems, then the longest delay. `now` is injectable
 * so the rule can be checked across a cycle. The rule (`reportStanding`) runs in SQL over the whole
 * ledger in one statement; `tests/integration/late-reporters-sql.integration.test.ts` pins it to
 * the pure rule.
 */
export async function listLateReporters(
  actor: Actor,
  rawQuery: unknown = {},
  opts: { locale?: Locale; now?: Date } = {},
): Promise<LateReporterDto[]> {
  authorize(actor, "problem.read");
  const query = parseInput(lateReportersQuerySchema, rawQuery, opts.locale);
  const today = bureauToday(opts.now ?? clockNow());
  const settings = await getSettings();

  // One set-based query: the rule of `reportStanding` in SQL (see late-report-sql.ts), late ones only.
  const rows = await db.$queryRaw<LateRow[]>`
    SELECT p.id::text AS id, p.code, p.title, p."leadUnitId"::text AS "leadUnitId", u.name AS "unitName", u.code AS "unitCode",
           lr.last AS "lastReportAt", to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn", (${formatCalendarDate(today)}::date - d.due_on) AS "daysLate"
    FROM "Problem" p
    JOIN "Unit" u ON u.id = p."leadUnitId"
    CROSS JOIN LATERAL (SELECT ${lastReportSql} AS last) lr
    CROSS JOIN LATERAL (SELECT ${reportDueOnSql(Prisma.sql`lr.last`, settings)} AS due_on) d
    WHERE ${reportDutySql} AND ${problemScopeSql(actor)}
      ${query.districtCode ? Prisma.sql`AND p."districtId" = (SELECT id FROM "District" WHERE code = ${query.districtCode})` : Prisma.empty}
      AND ${formatCalendarDate(today)}::date - d.due_on > ${settings.lateReportGraceDays}::int`;

  const units = new Map<string, { unitId: string; unitName: string; unitCode: string; problems: LateReporterDto["problems"] }>();
  for (const p of rows) {
    const unit = units.get(p.leadUnitId) ?? { unitId: p.leadUnitId, unitName: p.unitName, unitCode: p.unitCode, problems: [] };
    unit.problems.push({
      id: p.id,
      code: p.code,
      title: p.title,
      lastReportAt: p.lastReportAt?.toISOString() ?? null,
      dueOn: p.dueOn,
      daysLate: p.daysLate,
    });
    units.set(p.leadUnitId, unit);
  }

  const worst = (u: { problems: { daysLate: number }[] }) => Math.max(...u.problems.map((p) => p.daysLate));
  return [...units.values()]
    .map((u) => ({ ...u, problems: u.problems.sort((a, b) => b.daysLate - a.daysLate || a.code.localeCompare(b.code)) }))
    .sort((a, b) => b.problems.length - a.problems.length || worst(b) - worst(a) || a.unitCode.localeCompare(b.unitCode))
    .map(({ unitCode: _code, ...u }) => u);
}
