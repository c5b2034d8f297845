import "server-only";
import type { Prisma } from "@prisma/client";
import { type Actor, can } from "../../permissions";
import type { FindingDto } from "../../schemas/findings";
import type { Locale } from "../../schemas/parse";
import { messageText } from "../workflow/workflow-text";

export const findingInclude = {
  establishedBy: { select: { id: true, displayName: true } },
  withdrawnBy: { select: { id: true, displayName: true } },
  evidence: { select: { originalName: true } },
} satisfies Prisma.RectificationFindingInclude;
export type FindingRow = Prisma.RectificationFindingGetPayload<{ include: typeof findingInclude }>;

export function toFindingDto(f: FindingRow, actor: Actor): FindingDto {
  return {
    id: f.id,
    problemId: f.problemId,
    kind: f.kind,
    evidenceId: f.evidenceId,
    evidenceName: f.evidence?.originalName ?? null,
    reason: f.reason,
    establishedBy: { id: f.establishedBy.id, displayName: f.establishedBy.displayName },
    establishedAt: f.establishedAt.toISOString(),
    withdrawnAt: f.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: f.withdrawnBy ? { id: f.withdrawnBy.id, displayName: f.withdrawnBy.displayName } : null,
    withdrawReason: f.withdrawReason,
    active: f.withdrawnAt === null,
    canWithdraw: f.withdrawnAt === null && can(actor, "finding.withdraw"),
  };
}

/** A server message of the `findings` namespace in the caller's language. */
export function findingText(locale: Locale, path: string, params: Record<string, string | number> = {}): string {
  return messageText(locale, `findings.${path}`, params);
}
