import "server-only";
import { db } from "../../db";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { caseProblemSchema } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { problemCreateSchema } from "../../schemas/problem";
import { writeAudit } from "../audit/write-audit";
import { createProblemInTx } from "../problems/create-problem";
import { type CaseDto, caseInclude, toCaseDto } from "./case-dto";
import { caseScope } from "./scope";

/**
 * `POST /api/v1/cases/{id}/problem` (立为台账问题): registers a ledger problem from a case —
 * source ENFORCEMENT, the enterprise's district, the enterprise linked, the lead unit chosen — and
 * links the case to it, all in one transaction through the ledger's own registration core, so a
 * failure at any write leaves neither the problem nor the link. A case opens at most one problem.
 */
export async function openCaseProblem(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<CaseDto> {
  authorize(actor, "case.openProblem");
  if (!isUuid(id)) throw new NotFound("Case not found");
  const choice = parseInput(caseProblemSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "EnforcementCase" WHERE id = ${id}::uuid FOR UPDATE`;
    const found = await tx.enforcementCase.findFirst({ where: { id, ...caseScope(actor) }, include: caseInclude });
    if (!found) throw new NotFound("Case not found");
    if (found.problemId) throw new Conflict(`该案件已立为台账问题 ${found.problem?.code ?? ""}`.trim(), toCaseDto(found));
    const enterprise = await tx.enterprise.findUniqueOrThrow({
      where: { id: found.enterpriseId },
      select: { name: true, address: true, lat: true, lng: true },
    });
    const violation = found.violation.replace(/\s+/g, " ");
    const input = parseInput(
      problemCreateSchema,
      {
        title: `${enterprise.name}：${violation.length > 60 ? `${violation.slice(0, 60)}…` : violation}`.slice(0, 200),
        description: `执法检查发现（${found.number}）：${found.violation}\n法律依据：${found.legalBasis}`,
        source: "ENFORCEMENT",
        round: `${found.year}年专项执法`,
        category: choice.category,
        districtCode: found.enterprise.district.code,
        locationText: enterprise.address || undefined,
        ...(enterprise.lat !== null && enterprise.lng !== null && { lat: Number(enterprise.lat), lng: Number(enterprise.lng) }),
        leadUnitId: choice.leadUnitId,
        deadlineBand: choice.deadlineBand,
        ...(choice.deadline && { deadline: choice.deadline }),
        ...(choice.leadOfficialId && { leadOfficialId: choice.leadOfficialId }),
      },
      opts.locale,
    );
    const problem = await createProblemInTx(tx, actor, input, { ...opts, enterpriseId: found.enterpriseId });
    await tx.enforcementCase.update({ where: { id }, data: { problemId: problem.id, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "EnforcementCase",
      entityId: id,
      action: "openProblem",
      after: { problemId: problem.id, problemCode: problem.code },
      requestId: opts.requestId,
    });
    return toCaseDto(await tx.enforcementCase.findUniqueOrThrow({ where: { id }, include: caseInclude }));
  });
}
