import "server-only";
import type { Tx } from "../../db";
import type { Actor } from "../../permissions";
import type { SweepCreateInput } from "../../schemas/bottom-line";
import type { Locale } from "../../schemas/parse";
import { blInvalid } from "../bottom-line/text";

/** The enterprises a sweep targets by tag: the register's operating or stopped firms carrying any of the tags. */
export function taggedTargetsWhere(tags: readonly SweepCreateInput["targetTags"][number][]) {
  return { tags: { hasSome: [...tags] }, status: { in: ["OPERATING" as const, "STOPPED" as const] } };
}

/** The checklist of a sweep being opened or edited: a kept template, or a new one kept for reuse. */
export async function resolveChecklist(tx: Tx, actor: Actor, input: SweepCreateInput, locale: Locale): Promise<string> {
  if (input.template) {
    const taken = await tx.sweepTemplate.findUnique({ where: { name: input.template.name }, select: { id: true } });
    if (taken) throw blInvalid(locale, "template.name", "templateNameTaken");
    const created = await tx.sweepTemplate.create({
      data: {
        name: input.template.name,
        description: input.template.description ?? "",
        createdById: actor.id,
        items: {
          create: input.template.items.map((item, i) => ({ position: i + 1, title: item.title, guidance: item.guidance ?? "" })),
        },
      },
    });
    return created.id;
  }
  const templateId = input.templateId as string;
  if (!(await tx.sweepTemplate.findUnique({ where: { id: templateId }, select: { id: true } }))) {
    throw blInvalid(locale, "templateId", "unknownTemplate");
  }
  return templateId;
}

/** The targets of a sweep being opened or edited, each in its own district; none at all is a 422 on the tags. */
export async function resolveTargets(
  tx: Tx,
  input: SweepCreateInput,
  locale: Locale,
): Promise<{ enterprises: { id: string; districtId: string }[]; parks: { id: string; districtId: string }[] }> {
  const enterprises = input.targetTags.length
    ? await tx.enterprise.findMany({ where: taggedTargetsWhere(input.targetTags), select: { id: true, districtId: true } })
    : [];
  const parkIds = [...new Set(input.parkIds)];
  const parks = await tx.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, districtId: true } });
  if (parks.length !== parkIds.length) throw blInvalid(locale, "parkIds", "unknownPark");
  if (enterprises.length + parks.length === 0) throw blInvalid(locale, "targetTags", "noTargets");
  return { enterprises, parks };
}

/** The target rows of a sweep. */
export function targetRows(sweepId: string, t: Awaited<ReturnType<typeof resolveTargets>>) {
  return [
    ...t.enterprises.map((e) => ({ sweepId, enterpriseId: e.id, districtId: e.districtId })),
    ...t.parks.map((p) => ({ sweepId, parkId: p.id, districtId: p.districtId })),
  ];
}
