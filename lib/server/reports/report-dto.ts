import "server-only";
import type { Prisma } from "@prisma/client";
import type { ProgressReportDto } from "../../schemas/report";

export const progressReportInclude = {
  reporter: { select: { displayName: true } },
  unit: { select: { name: true } },
  measure: { select: { seq: true, description: true } },
} satisfies Prisma.ProgressReportInclude;

type ReportRow = Prisma.ProgressReportGetPayload<{ include: typeof progressReportInclude }>;

export function toProgressReportDto(r: ReportRow): ProgressReportDto {
  return {
    id: r.id,
    problemId: r.problemId,
    measureId: r.measureId,
    measureSeq: r.measure?.seq ?? null,
    measureDescription: r.measure?.description ?? null,
    reporterId: r.reporterId,
    reporterName: r.reporter.displayName,
    unitId: r.unitId,
    unitName: r.unit?.name ?? null,
    text: r.text,
    percent: r.percent,
    createdAt: r.createdAt.toISOString(),
  };
}
