import "server-only";
import { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";
import { RED_RETURN_COUNT } from "../../domain/colour";
import type { Settings } from "../../domain/settings";

/**
 * `weightedProgress` and `colourGrade` in SQL, for the daily re-grade of the whole ledger in a few
 * statements: a SELECT of (id, old_colour, old_progress, progress, colour) over the open problems
 * `p` that `problems` selects, their measures `m` narrowed by `measures` (an id range, so the
 * measures are read as one index range). `tests/integration/grade-colours-sql.integration.test.ts`
 * pins it to the pure rules over a table of cases.
 *
 * - progress: the weighted mean of the measures' percents (each clamped to 0–100, weights to ≥ 0),
 *   rounded half up; the plain mean when every weight is 0; 0 without measures.
 * - colour: ONGOING → RED when returned twice, else GREEN; otherwise RED when overdue or returned
 *   twice; YELLOW when behind the planned pace by more than `paceMarginPct` points or due within
 *   `dueSoonDays` with open measures; GREEN otherwise. The planned pace counts calendar days from
 *   the bureau's day (Asia/Shanghai) of the assignment to the deadline.
 */
export function gradeColoursSql(
  problems: Prisma.Sql,
  measures: Prisma.Sql,
  today: Date,
  settings: Pick<Settings, "paceMarginPct" | "dueSoonDays">,
): Prisma.Sql {
  const day = Prisma.sql`${formatCalendarDate(today)}::date`;
  return Prisma.sql`
    SELECT p.id, p.colour::text AS old_colour, p.progress AS old_progress, x.progress,
      CASE
        WHEN p.status = 'ONGOING' THEN CASE WHEN p."returnCount" >= ${RED_RETURN_COUNT}::int THEN 'RED' ELSE 'GREEN' END
        WHEN (p.deadline IS NOT NULL AND p.deadline < ${day}) OR p."returnCount" >= ${RED_RETURN_COUNT}::int THEN 'RED'
        WHEN (pl.planned IS NOT NULL AND x.progress < pl.planned - ${settings.paceMarginPct}::int)
          OR (p.deadline IS NOT NULL AND coalesce(m.open, 0) > 0 AND p.deadline - ${day} <= ${settings.dueSoonDays}::int) THEN 'YELLOW'
        ELSE 'GREEN'
      END AS colour
    FROM "Problem" p
    LEFT JOIN (
      SELECT m."problemId", count(*) AS n, sum(least(100, greatest(0, m.percent))) AS sum_percent,
             sum(greatest(0, m.weight)) AS sum_weight,
             sum(least(100, greatest(0, m.percent))::bigint * greatest(0, m.weight)) AS sum_weighted,
             count(*) FILTER (WHERE m.status <> 'DONE') AS open
      FROM "Measure" m WHERE ${measures} GROUP BY m."problemId"
    ) m ON m."problemId" = p.id
    CROSS JOIN LATERAL (SELECT CASE
      WHEN m.n IS NULL THEN 0
      WHEN m.sum_weight = 0 THEN round(m.sum_percent::numeric / m.n)::int
      ELSE round(m.sum_weighted::numeric / m.sum_weight)::int END AS progress) x
    CROSS JOIN LATERAL (SELECT ((p."assignedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date AS start) s
    CROSS JOIN LATERAL (SELECT CASE
      WHEN p."assignedAt" IS NULL OR p.deadline IS NULL THEN NULL
      WHEN p.deadline - s.start <= 0 THEN CASE WHEN ${day} - s.start >= 0 THEN 100 ELSE 0 END
      ELSE least(100, greatest(0, round(100 * (${day} - s.start)::numeric / (p.deadline - s.start))))::int END AS planned) pl
    WHERE p.status <> 'CLOSED' AND ${problems}`;
}
