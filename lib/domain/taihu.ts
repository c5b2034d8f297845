/**
 * Taihu safe summer (太湖安全度夏): alert levels of a day's reading against a point's thresholds,
 * and the alert episodes they make — an episode starts with the first reading at or over a
 * threshold, lasts while readings stay over, and ends with the first reading back below every one.
 */

export const ALERT_NONE = 0;
export const ALERT_WARNING = 1;
export const ALERT_ALERT = 2;
export type AlertLevel = 0 | 1 | 2;

export type Thresholds = {
  algaeWarn: number | null;
  algaeAlert: number | null;
  bloomWarn: number | null;
  bloomAlert: number | null;
};

export type ReadingValues = {
  algaeDensity: number | null;
  bloomArea: number | null;
  blackBloom: boolean;
  sourceStatus: "NORMAL" | "ABNORMAL" | null;
};

const over = (value: number | null, limit: number | null) => value !== null && limit !== null && value >= limit;

/**
 * A reading's level: ALERT when algae or bloom area reaches its alert threshold, when 湖泛 is
 * seen, or when a drinking-water source is abnormal; WARNING when algae or bloom area reaches
 * its warning threshold; otherwise none. A missing value or threshold never raises a level.
 */
export function alertLevel(r: ReadingValues, t: Thresholds): AlertLevel {
  if (r.blackBloom || r.sourceStatus === "ABNORMAL" || over(r.algaeDensity, t.algaeAlert) || over(r.bloomArea, t.bloomAlert)) {
    return ALERT_ALERT;
  }
  if (over(r.algaeDensity, t.algaeWarn) || over(r.bloomArea, t.bloomWarn)) return ALERT_WARNING;
  return ALERT_NONE;
}

export type Episode = { startedOn: string; endedOn: string | null; peakLevel: AlertLevel };

/** The episodes of a point's readings (days as YYYY-MM-DD, any order): enter, stay, leave, re-enter. */
export function episodesOf(days: readonly { day: string; level: AlertLevel }[]): Episode[] {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out: Episode[] = [];
  let open: Episode | null = null;
  for (const d of sorted) {
    if (d.level > ALERT_NONE) {
      if (!open) {
        open = { startedOn: d.day, endedOn: null, peakLevel: d.level };
        out.push(open);
      } else if (d.level > open.peakLevel) open.peakLevel = d.level;
    } else if (open) {
      open.endedOn = d.day;
      open = null;
    }
  }
  return out;
}

/** The monitoring season: April to October. */
export const SEASON_FIRST_MONTH = 4;
export const SEASON_LAST_MONTH = 10;

export function seasonRange(year: number): { from: string; to: string } {
  return { from: `${year}-04-01`, to: `${year}-10-31` };
}

/** Days with a reading at or over a threshold, within the season of `year`. */
export function daysOverInSeason(days: readonly { day: string; level: AlertLevel }[], year: number): number {
  const { from, to } = seasonRange(year);
  return days.filter((d) => d.level > ALERT_NONE && d.day >= from && d.day <= to).length;
}
