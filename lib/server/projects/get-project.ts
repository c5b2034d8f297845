import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { projectScope } from "../clues/scope";
import { PROJECT_INCLUDE, projectDto } from "./project-dto";

/** A project with its checklist, its reviews and its history. */
export async function getProject(actor: Actor, id: string) {
  authorize(actor, "project.read");
  if (!isUuid(id)) throw new NotFound("Project not found");
  const p = await db.constructionProject.findFirst({ where: { AND: [{ id }, projectScope(actor)] }, include: PROJECT_INCLUDE });
  if (!p) throw new NotFound("Project not found");
  const history = await db.auditLog.findMany({
    where: { entityType: "ConstructionProject", entityId: id },
    orderBy: { id: "asc" },
    include: { actor: { select: { displayName: true } } },
  });
  return {
    ...projectDto(p),
    history: history.map((h) => ({
      id: h.id.toString(),
      at: h.at.toISOString(),
      actorName: h.actor?.displayName ?? null,
      action: h.action,
      after: h.after,
    })),
  };
}
