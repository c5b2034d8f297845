import "server-only";
import {
  type ClueRuleName,
  type ClueThresholds,
  detectEpisodes,
  type Episode,
  type HourlyReading,
} from "../../domain/clue-detection";
import { bulkPool } from "../monitoring/bulk-pg";

export type DetectOptions = { thresholds: ClueThresholds; until?: number };
export type EpisodesBySeries = Map<number, Episode[]>;

const CHUNK = 400;

function chunks<T>(all: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

/**
 * Detection in the application: the readings of each series stream out of PostgreSQL in hour
 * order and go through the pure rules of lib/domain/clue-detection.ts.
 */
export async function detectInApp(seriesIds: readonly number[], o: DetectOptions): Promise<EpisodesBySeries> {
  const out: EpisodesBySeries = new Map();
  for (const ids of chunks(seriesIds, CHUNK)) {
    const res = await bulkPool().query<[number, number, number, number]>({
      text: `SELECT "seriesId", (extract(epoch FROM hour) * 1000)::float8, value, "limit"
               FROM "MonitoringReading" WHERE "seriesId" = ANY($1::int[]) ORDER BY "seriesId", hour`,
      values: [ids],
      rowMode: "array",
    });
    let current = -1;
    let series: HourlyReading[] = [];
    const flush = () => {
      if (current >= 0) out.set(current, detectEpisodes(series, o.thresholds, { until: o.until }));
    };
    for (const [s, hour, value, limit] of res.rows) {
      if (s !== current) {
        flush();
        current = s;
        series = [];
      }
      series.push({ hour, value, limit });
    }
    flush();
  }
  return out;
}

/**
 * The same rules as one SQL statement (gaps and islands with window functions): runs of
 * over-limit hours grouped by `hour − row_number()`, runs of equal values by a running count of
 * changes, gaps from `lead(hour)`. Returns the same episodes as `detectInApp`.
 */
export const DETECTION_SQL = `
WITH r AS (
  SELECT "seriesId" AS s, hour, value, "limit",
         lag(hour) OVER w AS prev_hour, lag(value) OVER w AS prev_value, lead(hour) OVER w AS next_hour
    FROM "MonitoringReading" WHERE "seriesId" = ANY($1::int[])
  WINDOW w AS (PARTITION BY "seriesId" ORDER BY hour)
), exc AS (
  SELECT s, hour, value, "limit", hour - make_interval(hours => (row_number() OVER (PARTITION BY s ORDER BY hour))::int) AS grp
    FROM r WHERE value > "limit"
), flat AS (
  SELECT s, hour, value,
         sum(CASE WHEN prev_hour = hour - interval '1 hour' AND prev_value = value THEN 0 ELSE 1 END)
           OVER (PARTITION BY s ORDER BY hour) AS grp
    FROM r
)
SELECT 'EXCEEDANCE' AS rule, s, min(hour) AS start_h, max(hour) AS end_h, count(*)::int AS hours,
       max(value) AS peak, (array_agg("limit" ORDER BY value DESC, hour))[1] AS lim
  FROM exc GROUP BY s, grp HAVING count(*) >= $2
UNION ALL
SELECT 'FLATLINE', s, min(hour), max(hour), count(*)::int, min(value), NULL
  FROM flat GROUP BY s, grp HAVING count(*) >= $3
UNION ALL
SELECT 'GAP', s, hour + interval '1 hour', next_hour - interval '1 hour',
       (extract(epoch FROM next_hour - hour) / 3600)::int - 1, NULL, NULL
  FROM r WHERE next_hour IS NOT NULL AND next_hour - hour >= make_interval(hours => $4::int + 1)
UNION ALL
SELECT 'GAP', s, hour + interval '1 hour', $5::timestamptz, (extract(epoch FROM $5::timestamptz - hour) / 3600)::int, NULL, NULL
  FROM r WHERE next_hour IS NULL AND $5::timestamptz IS NOT NULL AND $5::timestamptz - hour >= make_interval(hours => $4::int)`;

export async function detectInSql(seriesIds: readonly number[], o: DetectOptions): Promise<EpisodesBySeries> {
  const out: EpisodesBySeries = new Map();
  const until = o.until === undefined ? null : new Date(o.until);
  for (const ids of chunks(seriesIds, CHUNK)) {
    const res = await bulkPool().query<[ClueRuleName, number, Date, Date, number, number | null, number | null]>({
      text: DETECTION_SQL,
      values: [ids, o.thresholds.exceedanceHours, o.thresholds.flatlineHours, o.thresholds.gapHours, until],
      rowMode: "array",
    });
    for (const [rule, s, start, end, hours, peak, limit] of res.rows) {
      const list = out.get(s) ?? [];
      list.push({ rule, start: start.getTime(), end: end.getTime(), hours, peak, limit });
      out.set(s, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
  return out;
}
