import "server-only";
import { db } from "../../db";
import { reviewVerdict, SOURCE_CONTROL_ITEM_LABELS } from "../../domain/source-control";
import { Conflict, Forbidden, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { projectReviewSchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { projectScope } from "../clues/scope";
import { PROJECT_INCLUDE, projectDto } from "./project-dto";

/**
 * `POST /api/v1/projects/{id}/review`: pass or refuse a submitted project. The submitter never
 * reviews (403); a pass with NOT_MET items is refused with a 422 naming them (`items.<ITEM>`),
 * a pass of an incomplete checklist likewise.
 */
export async function reviewProject(actor: Actor, id: string, raw: unknown, opts: { locale?: Locale; requestId?: string } = {}) {
  authorize(actor, "project.review");
  if (!isUuid(id)) throw new NotFound("Project not found");
  const input = parseInput(projectReviewSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    const project = await tx.constructionProject.findFirst({
      where: { AND: [{ id }, projectScope(actor)] },
      include: { checks: true },
    });
    if (!project) throw new NotFound("Project not found");
    if (project.status !== "SUBMITTED") throw new Conflict("只有待审查（已报送）的项目可以审查");
    if (input.version !== undefined && input.version !== project.version)
      throw new Conflict("项目已被他人修改，请刷新后重试", { version: project.version });
    const verdict = reviewVerdict({
      pass: input.pass,
      reviewerId: actor.id,
      submitterId: project.submittedById,
      answers: project.checks,
    });
    if (!verdict.ok) {
      if (verdict.reason === "SELF_REVIEW") throw new Forbidden("报送人不能审查自己报送的项目");
      const items = verdict.reason === "NOT_MET" ? verdict.notMet : verdict.missing;
      const why = verdict.reason === "NOT_MET" ? "不符合" : "尚未填写";
      const names = items.map((i) => SOURCE_CONTROL_ITEM_LABELS[i]).join("、");
      throw new Invalid(
        Object.fromEntries([
          ["pass", [`以下项目${why}，不能审查通过：${names}`]],
          ...items.map((i) => [`items.${i}`, [`「${SOURCE_CONTROL_ITEM_LABELS[i]}」${why}`]]),
        ]),
        `Cannot pass: ${items.join(", ")} ${verdict.reason === "NOT_MET" ? "NOT_MET" : "missing"}`,
      );
    }
    const status = input.pass ? "PASSED" : "REFUSED";
    const updated = await tx.constructionProject.updateMany({
      where: { id, version: project.version },
      data: { status, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict("项目已被他人修改，请刷新后重试");
    await tx.projectReview.create({
      data: { projectId: id, reviewerId: actor.id, passed: input.pass, comment: input.comment ?? "" },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ConstructionProject",
      entityId: id,
      action: input.pass ? "project.passed" : "project.refused",
      before: { status: project.status },
      after: { status, comment: input.comment ?? "" },
      requestId: opts.requestId,
    });
    return projectDto(await tx.constructionProject.findUniqueOrThrow({ where: { id }, include: PROJECT_INCLUDE }));
  });
}
