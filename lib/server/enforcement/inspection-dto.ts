import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";

export const inspectionInclude = {
  enterprise: { select: { id: true, name: true, creditCode: true, district: { select: { code: true, name: true } } } },
  action: { select: { id: true, type: true, campaign: { select: { id: true, name: true } } } },
  inspectors: { select: { userId: true } },
  photos: { select: { id: true, thumbKey: true, originalName: true }, orderBy: { createdAt: "asc" } },
  cases: { select: { id: true, number: true } },
} satisfies Prisma.InspectionInclude;
type Row = Prisma.InspectionGetPayload<{ include: typeof inspectionInclude }>;

export type InspectionDto = {
  id: string;
  enterprise: { id: string; name: string; creditCode: string; districtCode: string; districtName: string };
  action: { id: string; type: string; campaignId: string; campaignName: string } | null;
  inspectedOn: string;
  mode: string;
  leadUnit: { id: string; name: string };
  inspectors: { id: string; name: string; unitName: string | null }[];
  findings: string;
  result: string;
  clueId: string | null;
  photos: { id: string; name: string; hasThumb: boolean }[];
  cases: { id: string; number: string }[];
  createdAt: string;
};

/** Rows → DTOs, with the names of units and people read in two queries for the whole page. */
export async function toInspectionDtos(tx: Prisma.TransactionClient, rows: Row[]): Promise<InspectionDto[]> {
  const userIds = [...new Set(rows.flatMap((r) => r.inspectors.map((i) => i.userId)))];
  const unitIds = [...new Set(rows.map((r) => r.leadUnitId))];
  const [users, units] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, displayName: true, unit: { select: { name: true } } },
    }),
    tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
  ]);
  const userOf = new Map(users.map((u) => [u.id, u]));
  const unitOf = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    enterprise: {
      id: r.enterprise.id,
      name: r.enterprise.name,
      creditCode: r.enterprise.creditCode,
      districtCode: r.enterprise.district.code,
      districtName: r.enterprise.district.name,
    },
    action: r.action
      ? { id: r.action.id, type: r.action.type, campaignId: r.action.campaign.id, campaignName: r.action.campaign.name }
      : null,
    inspectedOn: formatCalendarDate(r.inspectedOn),
    mode: r.mode,
    leadUnit: { id: r.leadUnitId, name: unitOf.get(r.leadUnitId) ?? "" },
    inspectors: r.inspectors.map((i) => ({
      id: i.userId,
      name: userOf.get(i.userId)?.displayName ?? "",
      unitName: userOf.get(i.userId)?.unit?.name ?? null,
    })),
    findings: r.findings,
    result: r.result,
    clueId: r.clueId,
    photos: r.photos.map((p) => ({ id: p.id, name: p.originalName, hasThumb: !!p.thumbKey })),
    cases: r.cases,
    createdAt: r.createdAt.toISOString(),
  }));
}
