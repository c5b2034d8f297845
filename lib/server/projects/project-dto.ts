import "server-only";
import type { Prisma } from "@prisma/client";
import { SOURCE_CONTROL_ITEMS } from "../../domain/source-control";

export const PROJECT_INCLUDE = {
  district: { select: { id: true, name: true } },
  enterprise: { select: { id: true, name: true, creditCode: true } },
  submittedBy: { select: { id: true, displayName: true } },
  checks: true,
  reviews: { orderBy: { createdAt: "desc" }, include: { reviewer: { select: { id: true, displayName: true } } } },
} satisfies Prisma.ConstructionProjectInclude;

export type ProjectRow = Prisma.ConstructionProjectGetPayload<{ include: typeof PROJECT_INCLUDE }>;

export function projectDto(p: ProjectRow) {
  const byItem = new Map(p.checks.map((c) => [c.item, c]));
  return {
    id: p.id,
    name: p.name,
    enterprise: p.enterprise,
    district: p.district,
    reportForm: p.reportForm,
    stage: p.stage,
    status: p.status,
    submittedBy: p.submittedBy,
    isDemo: p.isDemo,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    checklist: SOURCE_CONTROL_ITEMS.map((item) => {
      const c = byItem.get(item);
      return { item, verdict: c?.verdict ?? null, note: c?.note ?? "" };
    }),
    reviews: p.reviews.map((r) => ({
      id: r.id,
      passed: r.passed,
      comment: r.comment,
      reviewer: r.reviewer,
      at: r.createdAt.toISOString(),
    })),
  };
}
export type ProjectDto = ReturnType<typeof projectDto>;
