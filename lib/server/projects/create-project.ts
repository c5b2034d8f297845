import "server-only";
import { db } from "../../db";
import { Forbidden, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { projectCreateSchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { assertNotSuspended } from "../penalties/suspensions";
import { PROJECT_INCLUDE, projectDto } from "./project-dto";

/**
 * Submits a construction project for the source-control "422" review. The district is the
 * enterprise's when one is named (a different district given is refused); a field officer submits
 * only for their own district. A district whose EIA intake is suspended by a penalty decision
 * (暂停受理建设项目环评审核上报) cannot submit: 409 naming the decision and its period.
 */
export async function createProject(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date; isDemo?: boolean } = {},
) {
  authorize(actor, "project.submit");
  const input = parseInput(projectCreateSchema, raw, opts.locale);
  let districtId = input.districtId;
  if (input.enterpriseId) {
    const e = await db.enterprise.findUnique({ where: { id: input.enterpriseId }, select: { districtId: true } });
    if (!e) throw new Invalid({ enterpriseId: ["企业库中没有该企业"] });
    if (districtId && districtId !== e.districtId) throw new Invalid({ districtId: ["属地须与企业所在属地一致"] });
    districtId = e.districtId;
  } else if (districtId && !(await db.district.findUnique({ where: { id: districtId }, select: { id: true } }))) {
    throw new Invalid({ districtId: ["未知的属地"] });
  }
  const district = districtId as string;
  if (actor.role === "FIELD_OFFICER" && actor.districtId !== district) throw new Forbidden("只能为本属地报送建设项目");
  await assertNotSuspended(district, "EIA_INTAKE", opts.now);
  return db.$transaction(async (tx) => {
    const p = await tx.constructionProject.create({
      data: {
        name: input.name,
        enterpriseId: input.enterpriseId ?? null,
        districtId: district,
        reportForm: input.reportForm,
        stage: input.stage,
        submittedById: actor.id,
        isDemo: opts.isDemo ?? false,
      },
      include: PROJECT_INCLUDE,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ConstructionProject",
      entityId: p.id,
      action: "project.submitted",
      after: { name: p.name, districtId: district, enterpriseId: p.enterpriseId, reportForm: p.reportForm, stage: p.stage },
      requestId: opts.requestId,
    });
    return projectDto(p);
  });
}
