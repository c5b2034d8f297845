import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type CaseListQuery, caseListQuery } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { type CaseDto, caseInclude, toCaseDto } from "./case-dto";
import { monthAfter, monthStart } from "./list-inspections";
import { caseScope } from "./scope";

export function caseWhere(actor: Actor, q: Omit<CaseListQuery, "page" | "pageSize">): Prisma.EnforcementCaseWhereInput {
  return {
    AND: [
      caseScope(actor),
      q.districtCode ? { enterprise: { district: { code: q.districtCode } } } : {},
      q.actionType ? { inspection: { action: { type: q.actionType } } } : {},
      q.campaignId ? { inspection: { action: { campaignId: q.campaignId } } } : {},
      q.mode ? { inspection: { mode: q.mode } } : {},
      q.status ? { status: q.status } : {},
      q.enterpriseId ? { enterpriseId: q.enterpriseId } : {},
      q.withProblem ? { problemId: q.withProblem === "true" ? { not: null } : null } : {},
      q.from ? { filedOn: { gte: monthStart(q.from) } } : {},
      q.to ? { filedOn: { lt: monthAfter(q.to) } } : {},
    ],
  };
}

/** `GET /api/v1/cases`: filtered like the inspections, by the filing month, plus status and whether a problem was opened. */
export async function listCases(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale } = {},
): Promise<{ items: CaseDto[]; total: number; fineYuan: number; page: number; pageSize: number }> {
  authorize(actor, "case.read");
  const q = parseInput(caseListQuery, raw, opts.locale);
  const where = caseWhere(actor, q);
  const [rows, total, sum] = await Promise.all([
    db.enforcementCase.findMany({
      where,
      include: caseInclude,
      orderBy: [{ year: "desc" }, { seq: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.enforcementCase.count({ where }),
    db.enforcementCase.aggregate({ where, _sum: { fineYuan: true } }),
  ]);
  return { items: rows.map(toCaseDto), total, fineYuan: sum._sum.fineYuan ?? 0, page: q.page, pageSize: q.pageSize };
}

/** One visible case. */
export async function getCase(actor: Actor, id: string): Promise<CaseDto> {
  authorize(actor, "case.read");
  if (!isUuid(id)) throw new NotFound("Case not found");
  const row = await db.enforcementCase.findFirst({ where: { id, ...caseScope(actor) }, include: caseInclude });
  if (!row) throw new NotFound("Case not found");
  return toCaseDto(row);
}
