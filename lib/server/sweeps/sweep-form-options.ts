import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { sweepTargetCountSchema } from "../../schemas/bottom-line";
import { type Locale, parseInput } from "../../schemas/parse";
import { taggedTargetsWhere } from "./sweep-checklist-targets";

export type SweepFormOptions = {
  templates: { id: string; name: string; items: { title: string; guidance: string }[] }[];
  parks: { id: string; name: string; districtName: string }[];
};

/** What the sweep form offers a coordinator: the kept checklist templates with their items, and the parks. */
export async function sweepFormOptions(actor: Actor): Promise<SweepFormOptions> {
  authorize(actor, "sweep.manage");
  const [templates, parks] = await Promise.all([
    db.sweepTemplate.findMany({
      include: { items: { orderBy: { position: "asc" }, select: { title: true, guidance: true } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.park.findMany({
      select: { id: true, name: true, district: { select: { name: true } } },
      orderBy: [{ district: { code: "asc" } }, { name: "asc" }],
    }),
  ]);
  return {
    templates: templates.map((t) => ({ id: t.id, name: t.name, items: t.items })),
    parks: parks.map((p) => ({ id: p.id, name: p.name, districtName: p.district.name })),
  };
}

/** How many register enterprises a sweep by these tags would target (any tag, operating or stopped). */
export async function countTaggedTargets(actor: Actor, raw: unknown, opts: { locale?: Locale } = {}): Promise<number> {
  authorize(actor, "sweep.manage");
  const input = parseInput(sweepTargetCountSchema, raw, opts.locale);
  if (input.targetTags.length === 0) return 0;
  return db.enterprise.count({ where: taggedTargetsWhere(input.targetTags) });
}
