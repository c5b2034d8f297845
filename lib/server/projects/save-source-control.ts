import "server-only";
import { db } from "../../db";
import { checklistErrors } from "../../domain/source-control";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { sourceControlSchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { projectScope } from "../clues/scope";
import { assertNotSuspended } from "../penalties/suspensions";
import { PROJECT_INCLUDE, projectDto } from "./project-dto";

/**
 * `PUT /api/v1/projects/{id}/source-control`: the whole eight-item checklist at once (each MET,
 * NOT_MET or NOT_APPLICABLE with a reason). A passed project is final; saving the checklist of a
 * refused project resubmits it (SUBMITTED again, so the EIA-intake suspension is checked again).
 */
export async function saveSourceControl(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
) {
  authorize(actor, "project.check");
  if (!isUuid(id)) throw new NotFound("Project not found");
  const input = parseInput(sourceControlSchema, raw, opts.locale);
  const errors = checklistErrors(input.items);
  if (Object.keys(errors).length) throw new Invalid(errors);
  const project = await db.constructionProject.findFirst({
    where: { AND: [{ id }, projectScope(actor)] },
    include: { checks: true },
  });
  if (!project) throw new NotFound("Project not found");
  if (project.status === "PASSED") throw new Conflict("项目已通过源头管控审查，清单不可修改");
  if (input.version !== undefined && input.version !== project.version)
    throw new Conflict("项目已被他人修改，请刷新后重试", { version: project.version });
  if (project.status === "REFUSED") await assertNotSuspended(project.districtId, "EIA_INTAKE", opts.now);
  return db.$transaction(async (tx) => {
    const bumped = await tx.constructionProject.updateMany({
      where: { id, version: project.version },
      data: { version: { increment: 1 }, status: "SUBMITTED" },
    });
    if (bumped.count !== 1) throw new Conflict("项目已被他人修改，请刷新后重试");
    for (const a of input.items) {
      await tx.sourceControlCheck.upsert({
        where: { projectId_item: { projectId: id, item: a.item } },
        create: { projectId: id, item: a.item, verdict: a.verdict, note: a.note },
        update: { verdict: a.verdict, note: a.note },
      });
    }
    const before = Object.fromEntries(project.checks.map((c) => [c.item, `${c.verdict}${c.note ? ` ${c.note}` : ""}`]));
    const after = Object.fromEntries(input.items.map((c) => [c.item, `${c.verdict}${c.note ? ` ${c.note}` : ""}`]));
    const diff = diffFields(before as Record<string, unknown>, after as Record<string, unknown>);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ConstructionProject",
      entityId: id,
      action: project.status === "REFUSED" ? "project.resubmitted" : "project.checklist",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return projectDto(await tx.constructionProject.findUniqueOrThrow({ where: { id }, include: PROJECT_INCLUDE }));
  });
}
