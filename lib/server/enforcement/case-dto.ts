import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";

export const caseInclude = {
  enterprise: { select: { id: true, name: true, district: { select: { code: true, name: true } } } },
  inspection: { select: { id: true, mode: true, inspectedOn: true, action: { select: { type: true } } } },
  problem: { select: { id: true, code: true } },
} satisfies Prisma.EnforcementCaseInclude;
export type CaseRow = Prisma.EnforcementCaseGetPayload<{ include: typeof caseInclude }>;

const day = (d: Date | null) => (d ? formatCalendarDate(d) : null);

export function toCaseDto(c: CaseRow) {
  return {
    id: c.id,
    number: c.number,
    enterprise: {
      id: c.enterprise.id,
      name: c.enterprise.name,
      districtCode: c.enterprise.district.code,
      districtName: c.enterprise.district.name,
    },
    inspection: {
      id: c.inspection.id,
      mode: c.inspection.mode,
      inspectedOn: formatCalendarDate(c.inspection.inspectedOn),
      actionType: c.inspection.action?.type ?? null,
    },
    violation: c.violation,
    legalBasis: c.legalBasis,
    fineYuan: c.fineYuan,
    measures: c.measures,
    status: c.status,
    filedOn: formatCalendarDate(c.filedOn),
    notifiedOn: day(c.notifiedOn),
    decidedOn: day(c.decidedOn),
    executedOn: day(c.executedOn),
    closedOn: day(c.closedOn),
    problem: c.problem,
    version: c.version,
  };
}
export type CaseDto = ReturnType<typeof toCaseDto>;
