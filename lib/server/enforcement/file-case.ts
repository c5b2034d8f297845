import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { CASE_NUMBER_PREFIX, formatCaseNumber } from "../../domain/enforcement";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { caseCreateSchema } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../problems/create-problem";
import { type CaseDto, caseInclude, toCaseDto } from "./case-dto";
import { inspectionScope } from "./scope";

/**
 * `POST /api/v1/cases`: files a case (立案) from a visible inspection that found a violation. Its
 * number is the next of the filing year (锡环罚〔2026〕12号); two filings racing for one number
 * are retried with the next.
 */
export async function fileCase(actor: Actor, raw: unknown, opts: { locale?: Locale; requestId?: string } = {}): Promise<CaseDto> {
  authorize(actor, "case.file");
  const input = parseInput(caseCreateSchema, raw, opts.locale);
  const year = Number(input.filedOn.slice(0, 4));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const inspection = await tx.inspection.findFirst({
          where: { id: input.inspectionId, ...inspectionScope(actor) },
          select: { id: true, result: true, enterpriseId: true, inspectedOn: true },
        });
        if (!inspection) throw new Invalid({ inspectionId: ["未找到该检查"] });
        if (inspection.result !== "VIOLATION") throw new Invalid({ inspectionId: ["只有发现违法行为的检查才能立案"] });
        if ((parseCalendarDate(input.filedOn) as Date) < inspection.inspectedOn)
          throw new Invalid({ filedOn: ["立案日期不得早于检查日期"] });
        const last = await tx.enforcementCase.aggregate({ where: { year }, _max: { seq: true } });
        const seq = (last._max.seq ?? 0) + 1;
        const created = await tx.enforcementCase.create({
          data: {
            number: formatCaseNumber(CASE_NUMBER_PREFIX, year, seq),
            year,
            seq,
            inspectionId: inspection.id,
            enterpriseId: inspection.enterpriseId,
            violation: input.violation,
            legalBasis: input.legalBasis,
            fineYuan: input.fineYuan,
            measures: input.measures,
            filedOn: parseCalendarDate(input.filedOn) as Date,
            createdById: actor.id,
          },
          include: caseInclude,
        });
        const dto = toCaseDto(created);
        await writeAudit(tx, {
          actorId: actor.id,
          entityType: "EnforcementCase",
          entityId: created.id,
          action: "create",
          after: {
            number: dto.number,
            violation: dto.violation,
            legalBasis: dto.legalBasis,
            fineYuan: dto.fineYuan,
            measures: dto.measures,
            filedOn: dto.filedOn,
          },
          requestId: opts.requestId,
        });
        return dto;
      });
    } catch (e) {
      if ((isUniqueViolation(e, "seq") || isUniqueViolation(e, "number")) && attempt < 4) continue;
      throw e;
    }
  }
}
