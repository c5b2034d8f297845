import "server-only";
import type { Prisma } from "@prisma/client";
import { CLOSURE_STAGES, type ClosureStageName, closedSince, closureStageOf, recheckedThisYear } from "../../domain/bottom-line";
import { formatCalendarDate } from "../../domain/calendar";
import type { Actor } from "../../permissions";
import { districtScope } from "../bottom-line/scope";

/** The closed chemical enterprises of the window (tag CHEMICAL, status CLOSED, closed within `years`), in scope. */
export function closedChemicalWhere(actor: Actor, today: Date, years: number): Prisma.EnterpriseWhereInput {
  return { tags: { has: "CHEMICAL" }, status: "CLOSED", closedOn: { gte: closedSince(today, years) }, ...districtScope(actor) };
}

export const closedEnterpriseInclude = {
  district: { select: { id: true, name: true, code: true } },
  closureStages: { include: { files: { select: { id: true, originalName: true, mime: true } } } },
  rechecks: { orderBy: [{ checkedOn: "desc" }, { createdAt: "desc" }] },
} satisfies Prisma.EnterpriseInclude;

type Row = Prisma.EnterpriseGetPayload<{ include: typeof closedEnterpriseInclude }>;

export type ClosedEnterpriseDto = {
  id: string;
  creditCode: string;
  name: string;
  address: string;
  isDemo: boolean;
  closedOn: string | null;
  district: { id: string; name: string };
  stageReached: ClosureStageName | null;
  nextStage: ClosureStageName | null;
  stagesDone: number;
  stages: {
    stage: ClosureStageName;
    recorded: boolean;
    completedOn: string | null;
    skipped: boolean;
    skipReason: string | null;
    note: string;
    files: { id: string; originalName: string; mime: string }[];
  }[];
  rechecks: { id: string; checkedOn: string; inspector: string; findings: string; ok: boolean }[];
  lastRecheck: { checkedOn: string; ok: boolean } | null;
  recheckedThisYear: boolean;
};

export function toClosedEnterpriseDto(e: Row, today: Date): ClosedEnterpriseDto {
  const records = e.closureStages.map((s) => ({ stage: s.stage, completedOn: s.completedOn, skipped: s.skipped }));
  const at = closureStageOf(records);
  const last = e.rechecks[0];
  return {
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    address: e.address,
    isDemo: e.isDemo,
    closedOn: e.closedOn ? formatCalendarDate(e.closedOn) : null,
    district: { id: e.district.id, name: e.district.name },
    stageReached: at.reached,
    nextStage: at.next,
    stagesDone: at.done,
    stages: CLOSURE_STAGES.map((stage) => {
      const r = e.closureStages.find((s) => s.stage === stage);
      return {
        stage,
        recorded: !!r,
        completedOn: r?.completedOn ? formatCalendarDate(r.completedOn) : null,
        skipped: r?.skipped ?? false,
        skipReason: r?.skipReason ?? null,
        note: r?.note ?? "",
        files: r?.files ?? [],
      };
    }),
    rechecks: e.rechecks.map((r) => ({
      id: r.id,
      checkedOn: formatCalendarDate(r.checkedOn),
      inspector: r.inspector,
      findings: r.findings,
      ok: r.ok,
    })),
    lastRecheck: last ? { checkedOn: formatCalendarDate(last.checkedOn), ok: last.ok } : null,
    recheckedThisYear: recheckedThisYear(e.rechecks, today),
  };
}
