import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { isMiss } from "../../domain/water-sections";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { sectionListQuerySchema } from "../../schemas/sections";
import { monthsEnding, type SectionDto, toSectionDto } from "./section-dto";

/** The latest month any section has a result for; without results, last month in Asia/Shanghai. */
export async function latestResultPeriod(now = clockNow()): Promise<{ year: number; month: number }> {
  const row = await db.waterSectionResult.findFirst({
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { year: true, month: true },
  });
  if (row) return row;
  const today = bureauToday(now);
  const index = today.getUTCFullYear() * 12 + today.getUTCMonth() - 1;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Results inside a window of 24 months (which always spans more than one year). */
function windowWhere(window: { year: number; month: number }[]): Prisma.WaterSectionResultWhereInput {
  const first = window[0] as { year: number; month: number };
  const last = window.at(-1) as { year: number; month: number };
  return {
    OR: [
      { year: first.year, month: { gte: first.month } },
      { year: { gt: first.year, lt: last.year } },
      { year: last.year, month: { lte: last.month } },
    ],
  };
}

/**
 * `GET /api/v1/sections`: the register with each section's last 24 months, filtered by district,
 * level, active flag and whether the section met its target in `period` (default: the latest month
 * with results). Everyone who reads indicators reads the register.
 */
export async function listSections(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<{ period: string; items: SectionDto[] }> {
  authorize(actor, "indicator.read");
  const q = parseInput(sectionListQuerySchema, raw, opts.locale);
  const at = q.period
    ? { year: Number(q.period.slice(0, 4)), month: Number(q.period.slice(5, 7)) }
    : await latestResultPeriod(opts.now);
  const window = monthsEnding(at.year, at.month);
  const sections = await db.waterSection.findMany({
    where: {
      ...(q.districtCode && { district: { code: q.districtCode } }),
      ...(q.level && { level: q.level }),
      ...(q.active && { active: q.active === "true" }),
    },
    include: { district: { select: { code: true, name: true, sortOrder: true } }, results: { where: windowWhere(window) } },
    orderBy: [{ district: { sortOrder: "asc" } }, { district: { code: "asc" } }, { level: "asc" }, { code: "asc" }],
  });
  const items = sections
    .filter((s) => {
      if (!q.meets) return true;
      const r = s.results.find((x) => x.year === at.year && x.month === at.month);
      if (!r) return false;
      return (q.meets === "true") !== isMiss(r.waterClass, s.targetClass);
    })
    .map((s) => toSectionDto(s, window));
  return { period: `${at.year}-${String(at.month).padStart(2, "0")}`, items };
}

/** `GET /api/v1/sections/{id}`. */
export async function getSection(actor: Actor, id: string, opts: { now?: Date } = {}): Promise<SectionDto> {
  authorize(actor, "indicator.read");
  if (!isUuid(id)) throw new NotFound("Section not found");
  const at = await latestResultPeriod(opts.now);
  const window = monthsEnding(at.year, at.month);
  const s = await db.waterSection.findUnique({
    where: { id },
    include: { district: { select: { code: true, name: true } }, results: { where: windowWhere(window) } },
  });
  if (!s) throw new NotFound("Section not found");
  return toSectionDto(s, window);
}
