import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { isDrawable, WUXI_BBOX } from "../../domain/district-map";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { problemListQuerySchema } from "../../schemas/problem";
import { overdueWhere, problemFilterWhere } from "../problems/list-problems";
import { problemScope } from "../problems/scope";

/** Most problems drawn as points (open ones, newest deadline pressure first); the table keeps every count. */
export const MAX_MAP_POINTS = 2000;

export type DistrictMapRow = { code: string; name: string; total: number; open: number; red: number; overdue: number };
export type MapPoint = {
  id: string;
  code: string;
  title: string;
  lat: number;
  lng: number;
  colour: string;
  districtCode: string;
};
export type DistrictMapData = { districts: DistrictMapRow[]; points: MapPoint[]; pointsOmitted: number; unplaced: number };

/**
 * The battle map's figures: per district, the problems the caller may see (optionally narrowed by
 * the ledger's filters), with open, red and overdue counts; and the open ones that carry a recorded
 * position as points. Positions are only ever the recorded ones — a problem without lat/lng is
 * counted in its district and in `unplaced`, never placed by guess.
 */
export async function getDistrictMap(
  actor: Actor,
  rawFilters: unknown = {},
  opts: { locale?: Locale; now?: Date } = {},
): Promise<DistrictMapData> {
  authorize(actor, "problem.read");
  const filters = parseInput(problemListQuerySchema, rawFilters, opts.locale);
  const now = opts.now ?? clockNow();
  const where: Prisma.ProblemWhereInput = { AND: [problemScope(actor), problemFilterWhere(filters, now)] };
  const openWhere: Prisma.ProblemWhereInput = { AND: [where, { status: { not: "CLOSED" } }] };
  const count = (w: Prisma.ProblemWhereInput) => db.problem.groupBy({ by: ["districtId"], where: w, _count: { _all: true } });
  const [districts, total, open, red, overdue, points, placed] = await Promise.all([
    db.district.findMany({
      select: { id: true, code: true, name: true, nameEn: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    count(where),
    count(openWhere),
    count({ AND: [where, { colour: "RED" }] }),
    count({ AND: [where, overdueWhere(bureauToday(now))] }),
    db.problem.findMany({
      where: { AND: [openWhere, { lat: { not: null } }, { lng: { not: null } }] },
      select: { id: true, code: true, title: true, lat: true, lng: true, colour: true, district: { select: { code: true } } },
      orderBy: [{ deadline: "asc" }, { code: "asc" }],
      take: MAX_MAP_POINTS,
    }),
    db.problem.count({ where: { AND: [openWhere, { lat: { not: null } }, { lng: { not: null } }] } }),
  ]);
  const byDistrict = (rows: { districtId: string; _count: { _all: number } }[]) =>
    new Map(rows.map((r) => [r.districtId, r._count._all]));
  const [t, o, r, d] = [byDistrict(total), byDistrict(open), byDistrict(red), byDistrict(overdue)];
  const openTotal = [...o.values()].reduce((a, b) => a + b, 0);
  const drawn = points
    .map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      lat: Number(p.lat),
      lng: Number(p.lng),
      colour: p.colour,
      districtCode: p.district.code,
    }))
    .filter((p) => isDrawable(p.lat, p.lng, WUXI_BBOX));
  return {
    districts: districts.map((x) => ({
      code: x.code,
      name: opts.locale === "en" ? x.nameEn || x.name : x.name,
      total: t.get(x.id) ?? 0,
      open: o.get(x.id) ?? 0,
      red: r.get(x.id) ?? 0,
      overdue: d.get(x.id) ?? 0,
    })),
    points: drawn,
    pointsOmitted: Math.max(0, placed - points.length),
    unplaced: openTotal - placed + (points.length - drawn.length),
  };
}
