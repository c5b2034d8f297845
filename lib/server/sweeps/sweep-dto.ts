import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "../../db";
import { type SweepState, sweepProgress, sweepState } from "../../domain/bottom-line";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import type { Actor } from "../../permissions";
import { districtScope } from "../bottom-line/scope";

export const sweepInclude = {
  template: { include: { items: { orderBy: { position: "asc" } } } },
} satisfies Prisma.SweepInclude;

export type SweepSummaryDto = {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  targetTags: string[];
  isDemo: boolean;
  template: { id: string; name: string; items: { id: string; position: number; title: string; guidance: string }[] };
  progress: {
    total: number;
    checked: number;
    percent: number;
    byDistrict: { districtId: string; districtName: string; total: number; checked: number; percent: number }[];
  };
  hazards: { total: number; GENERAL: number; MAJOR: number; SEVERE: number };
  /** Where it stands today over the targets the person sees (lib/domain/bottom-line.ts `sweepState`). */
  state: SweepState;
};

/** Sweeps with their template, and progress and hazard counts over the targets the person may see. */
export async function toSweepDtos(
  tx: Tx,
  actor: Actor,
  sweeps: Prisma.SweepGetPayload<{ include: typeof sweepInclude }>[],
): Promise<SweepSummaryDto[]> {
  const ids = sweeps.map((s) => s.id);
  const scope = districtScope(actor);
  const [targets, hazards] = await Promise.all([
    tx.sweepTarget.findMany({
      where: { sweepId: { in: ids }, ...scope },
      select: { sweepId: true, districtId: true, checkedAt: true, district: { select: { name: true, code: true } } },
      orderBy: { district: { code: "asc" } },
    }),
    tx.hazard.groupBy({ by: ["sweepId", "level"], where: { sweepId: { in: ids }, ...scope }, _count: { _all: true } }),
  ]);
  const names = new Map(targets.map((t) => [t.districtId, t.district.name]));
  const today = formatCalendarDate(bureauToday());
  return sweeps.map((s) => {
    const p = sweepProgress(
      targets.filter((t) => t.sweepId === s.id).map((t) => ({ districtId: t.districtId, checked: t.checkedAt !== null })),
    );
    const counts = { total: 0, GENERAL: 0, MAJOR: 0, SEVERE: 0 };
    for (const h of hazards.filter((h) => h.sweepId === s.id)) {
      counts[h.level] += h._count._all;
      counts.total += h._count._all;
    }
    const startsOn = formatCalendarDate(s.startsOn);
    const endsOn = formatCalendarDate(s.endsOn);
    return {
      id: s.id,
      title: s.title,
      startsOn,
      endsOn,
      targetTags: s.targetTags,
      isDemo: s.isDemo,
      template: {
        id: s.template.id,
        name: s.template.name,
        items: s.template.items.map((i) => ({ id: i.id, position: i.position, title: i.title, guidance: i.guidance })),
      },
      progress: {
        total: p.total,
        checked: p.checked,
        percent: p.percent,
        byDistrict: p.byDistrict.map((d) => ({ ...d, districtName: names.get(d.districtId) ?? "" })),
      },
      hazards: counts,
      state: sweepState({ startsOn, endsOn }, p, today),
    };
  });
}
