import "server-only";
import { db } from "../../db";
import { HAZARD_LEVELS, type HazardLevelName, sweepProgress } from "../../domain/bottom-line";
import { bureauToday } from "../../domain/calendar";
import type { ColourName } from "../../domain/colour";
import { type Actor, authorize } from "../../permissions";
import { listClosedEnterprises } from "../closed-enterprises/list-closed-enterprises";
import { listParks } from "../parks/list-parks";
import { districtScope } from "./scope";

export type BottomLineSummary = {
  /** Sweeps running today (started, not ended); their targets' progress in the person's scope. */
  sweeps: {
    running: number;
    total: number;
    checked: number;
    percent: number;
    byDistrict: { districtId: string; districtName: string; total: number; checked: number; percent: number }[];
  };
  /** Open hazards (not yet closed as problems), by level; overdue ones; those not yet made problems. */
  hazards: { open: Record<HazardLevelName, number>; openTotal: number; overdue: number; notProblem: number };
  parks: { id: string; name: string; percent: number; colour: ColourName | null }[];
  /** Mean completion over the parks' plan items. */
  parksPercent: number;
  closed: { total: number; notRechecked: number; verified: number; years: number };
};

/** The figures of the bottom line for the hub and the leaders' dashboard, over the person's scope. */
export async function getBottomLineSummary(actor: Actor, opts: { now?: Date } = {}): Promise<BottomLineSummary> {
  authorize(actor, "sweep.read");
  const today = bureauToday(opts.now);
  const scope = districtScope(actor);
  const open = { OR: [{ problemId: null }, { problem: { status: { not: "CLOSED" as const } } }] };
  const [targets, running, byLevel, overdue, notProblem, parks, closed] = await Promise.all([
    db.sweepTarget.findMany({
      where: { ...scope, sweep: { startsOn: { lte: today }, endsOn: { gte: today } } },
      select: { districtId: true, checkedAt: true, district: { select: { name: true, code: true } } },
      orderBy: { district: { code: "asc" } },
    }),
    db.sweep.count({ where: { startsOn: { lte: today }, endsOn: { gte: today } } }),
    db.hazard.groupBy({ by: ["level"], where: { AND: [scope, open] }, _count: { _all: true } }),
    db.hazard.count({ where: { AND: [scope, open, { deadline: { lt: today } }] } }),
    db.hazard.count({ where: { ...scope, problemId: null } }),
    listParks(actor, opts),
    listClosedEnterprises(actor, {}, opts),
  ]);
  const p = sweepProgress(targets.map((t) => ({ districtId: t.districtId, checked: t.checkedAt !== null })));
  const names = new Map(targets.map((t) => [t.districtId, t.district.name]));
  const openByLevel = Object.fromEntries(HAZARD_LEVELS.map((l) => [l, 0])) as Record<HazardLevelName, number>;
  for (const row of byLevel) openByLevel[row.level] = row._count._all;
  const parkRows = parks.items.map((park) => ({
    id: park.id,
    name: park.name,
    percent: park.all.percent,
    colour: park.all.colour,
  }));
  const itemCount = parks.items.reduce((n, park) => n + park.all.items, 0);
  const parksPercent = itemCount
    ? Math.floor(parks.items.reduce((n, park) => n + park.all.percent * park.all.items, 0) / itemCount)
    : 0;
  return {
    sweeps: {
      running,
      total: p.total,
      checked: p.checked,
      percent: p.percent,
      byDistrict: p.byDistrict.map((d) => ({ ...d, districtName: names.get(d.districtId) ?? "" })),
    },
    hazards: { open: openByLevel, openTotal: HAZARD_LEVELS.reduce((n, l) => n + openByLevel[l], 0), overdue, notProblem },
    parks: parkRows,
    parksPercent,
    closed: {
      total: closed.items.length,
      notRechecked: closed.notRechecked,
      verified: closed.items.filter((e) => e.stageReached === "VERIFIED").length,
      years: closed.years,
    },
  };
}
