import "server-only";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize, can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { problemScope } from "../problems/scope";
import { type CaseDto, caseInclude, toCaseDto } from "./case-dto";
import { type EnterpriseDto, enterpriseInclude, toEnterpriseDto } from "./enterprise-dto";
import { type InspectionDto, inspectionInclude, toInspectionDtos } from "./inspection-dto";
import { caseScope, enterpriseScope, inspectionScope } from "./scope";

export type EnterpriseFile = {
  enterprise: EnterpriseDto;
  inspections: InspectionDto[];
  cases: CaseDto[];
  problems: { id: string; code: string; title: string; status: string; colour: string; deadline: string | null }[];
};

/**
 * `GET /api/v1/enterprises/{id}`: an enterprise with what the person may see of it — its
 * inspections, cases and ledger problems, each within its own scope (a cross inspector sees their
 * inspection, not the district's other records). Clues and construction projects of the
 * enterprise are added beside these by the off-site and source-control modules.
 */
export async function getEnterprise(actor: Actor, id: string): Promise<EnterpriseFile> {
  authorize(actor, "enterprise.read");
  if (!isUuid(id)) throw new NotFound("Enterprise not found");
  const row = await db.enterprise.findFirst({ where: { id, ...enterpriseScope(actor) }, include: enterpriseInclude });
  if (!row) throw new NotFound("Enterprise not found");
  const [inspections, cases, problems] = await Promise.all([
    can(actor, "inspection.read")
      ? db.inspection.findMany({
          where: { AND: [{ enterpriseId: id }, inspectionScope(actor)] },
          include: inspectionInclude,
          orderBy: { inspectedOn: "desc" },
          take: 200,
        })
      : [],
    can(actor, "case.read")
      ? db.enforcementCase.findMany({
          where: { AND: [{ enterpriseId: id }, caseScope(actor)] },
          include: caseInclude,
          orderBy: { filedOn: "desc" },
          take: 200,
        })
      : [],
    can(actor, "problem.read")
      ? db.problem.findMany({
          where: { AND: [{ enterpriseId: id }, problemScope(actor)] },
          select: { id: true, code: true, title: true, status: true, colour: true, deadline: true },
          orderBy: { createdAt: "desc" },
          take: 200,
        })
      : [],
  ]);
  return {
    enterprise: toEnterpriseDto(row),
    inspections: await toInspectionDtos(db, inspections),
    cases: cases.map(toCaseDto),
    problems: problems.map((p) => ({ ...p, deadline: p.deadline ? formatCalendarDate(p.deadline) : null })),
  };
}
