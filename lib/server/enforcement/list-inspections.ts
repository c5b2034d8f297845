import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { type InspectionListQuery, inspectionListQuery } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { type InspectionDto, inspectionInclude, toInspectionDtos } from "./inspection-dto";
import { inspectionScope } from "./scope";

/** First day of `YYYY-MM`, and the first day of the month after `YYYY-MM` (as UTC-midnight dates). */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}
export function monthAfter(month: string): Date {
  const d = monthStart(month);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

export function inspectionWhere(actor: Actor, q: Omit<InspectionListQuery, "page" | "pageSize">): Prisma.InspectionWhereInput {
  return {
    AND: [
      inspectionScope(actor),
      q.districtCode ? { enterprise: { district: { code: q.districtCode } } } : {},
      q.actionType ? { action: { type: q.actionType } } : {},
      q.campaignId ? { action: { campaignId: q.campaignId } } : {},
      q.mode ? { mode: q.mode } : {},
      q.result ? { result: q.result } : {},
      q.enterpriseId ? { enterpriseId: q.enterpriseId } : {},
      q.from ? { inspectedOn: { gte: monthStart(q.from) } } : {},
      q.to ? { inspectedOn: { lt: monthAfter(q.to) } } : {},
    ],
  };
}

/** `GET /api/v1/inspections`: filtered by district, action, campaign, mode, result, enterprise and months (from/to). */
export async function listInspections(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale } = {},
): Promise<{ items: InspectionDto[]; total: number; page: number; pageSize: number }> {
  authorize(actor, "inspection.read");
  const q = parseInput(inspectionListQuery, raw, opts.locale);
  const where = inspectionWhere(actor, q);
  const [rows, total] = await Promise.all([
    db.inspection.findMany({
      where,
      include: inspectionInclude,
      orderBy: [{ inspectedOn: "desc" }, { createdAt: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.inspection.count({ where }),
  ]);
  return { items: await toInspectionDtos(db, rows), total, page: q.page, pageSize: q.pageSize };
}
