import "server-only";
import type { Tx } from "../../db";
import { type Episode, HOUR_MS, sameEpisode } from "../../domain/clue-detection";
import { writeAudit } from "../audit/write-audit";
import type { EpisodesBySeries } from "./detect-clues";

/**
 * Turns detected episodes into clues: one clue per outlet × pollutant × rule episode. An episode
 * that overlaps or touches an existing clue of the same series and rule is that clue — its window
 * grows to cover both (an import that extends an episode) and its status is kept (a dismissed clue
 * stays dismissed); anything else is a new OPEN clue. Windows only grow: data imported later never
 * shrinks or deletes a clue.
 */
export async function recordEpisodes(
  tx: Tx,
  found: EpisodesBySeries,
  ctx: { actorId: string; requestId?: string },
): Promise<{ created: number; extended: number }> {
  const seriesIds = [...found.keys()].filter((s) => (found.get(s)?.length ?? 0) > 0);
  if (!seriesIds.length) return { created: 0, extended: 0 };
  // One after the other: a transaction is one connection.
  const series = await tx.monitoringSeries.findMany({
    where: { id: { in: seriesIds } },
    select: { id: true, outlet: { select: { enterprise: { select: { districtId: true } } } } },
  });
  const existing = await tx.clue.findMany({
    where: { seriesId: { in: seriesIds } },
    select: { id: true, seriesId: true, rule: true, windowStart: true, windowEnd: true, hours: true, peak: true, limit: true },
  });
  const districtOf = new Map(series.map((s) => [s.id, s.outlet.enterprise.districtId]));
  const bySeriesRule = new Map<string, typeof existing>();
  for (const c of existing) {
    const key = `${c.seriesId}|${c.rule}`;
    bySeriesRule.set(key, [...(bySeriesRule.get(key) ?? []), c]);
  }
  const creates: {
    seriesId: number;
    districtId: string;
    rule: Episode["rule"];
    windowStart: Date;
    windowEnd: Date;
    hours: number;
    peak: number | null;
    limit: number | null;
  }[] = [];
  let extended = 0;
  for (const seriesId of seriesIds) {
    for (const e of found.get(seriesId) ?? []) {
      const key = `${seriesId}|${e.rule}`;
      const clues = bySeriesRule.get(key) ?? [];
      const match = clues.find((c) => sameEpisode({ start: c.windowStart.getTime(), end: c.windowEnd.getTime() }, e));
      if (!match) {
        const created = {
          seriesId,
          districtId: districtOf.get(seriesId) as string,
          rule: e.rule,
          windowStart: new Date(e.start),
          windowEnd: new Date(e.end),
          hours: e.hours,
          peak: e.peak,
          limit: e.limit,
        };
        creates.push(created);
        // A later episode of the same import that touches this one joins it.
        bySeriesRule.set(key, [...clues, { id: "", ...created }]);
        continue;
      }
      const start = Math.min(match.windowStart.getTime(), e.start);
      const end = Math.max(match.windowEnd.getTime(), e.end);
      if (start === match.windowStart.getTime() && end === match.windowEnd.getTime()) continue;
      const higher = e.peak !== null && (match.peak === null || (e.rule === "EXCEEDANCE" && e.peak > match.peak));
      const after = {
        windowStart: new Date(start),
        windowEnd: new Date(end),
        hours: e.rule === "GAP" ? Math.round((end - start) / HOUR_MS) + 1 : Math.max(match.hours, e.hours),
        peak: higher ? e.peak : match.peak,
        limit: higher ? e.limit : match.limit,
      };
      if (match.id) {
        await tx.clue.update({ where: { id: match.id }, data: after });
        await writeAudit(tx, {
          actorId: ctx.actorId,
          entityType: "Clue",
          entityId: match.id,
          action: "clue.extended",
          before: { windowStart: match.windowStart, windowEnd: match.windowEnd, hours: match.hours },
          after: { windowStart: after.windowStart, windowEnd: after.windowEnd, hours: after.hours },
          requestId: ctx.requestId,
        });
        extended++;
      } else {
        const pending = creates.find((c) => c.seriesId === seriesId && c.rule === e.rule && c.windowStart === match.windowStart);
        if (pending) Object.assign(pending, after);
      }
      Object.assign(match, after);
    }
  }
  let created = 0;
  if (creates.length) created = (await tx.clue.createMany({ data: creates, skipDuplicates: true })).count;
  return { created, extended };
}
