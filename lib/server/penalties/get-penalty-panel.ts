import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { capCollection, ruleMonth } from "../../domain/penalties";
import { type Actor, authorize, can } from "../../permissions";
import { evaluatePenaltiesIfChanged } from "./evaluate-penalties";
import { listProposals, type PenaltyProposalDto } from "./list-penalties";
import { inForce, listRuleVersions } from "./penalty-rules";

export type PanelRow = PenaltyProposalDto & { wouldBeCapped: boolean };

/** Proposals still to decide that the cap of their collection would cut, given the decisions already made and the proposals before them. */
export function markProjectedCaps(rows: PenaltyProposalDto[], capAt: (year: number, month: number) => number): PanelRow[] {
  const groups = new Map<string, PenaltyProposalDto[]>();
  for (const r of rows) {
    if (r.status !== "CONFIRMED" && r.status !== "PROPOSED") continue;
    const key = `${r.districtCode}|${ruleMonth(r.year, r.month)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const capped = new Set<string>();
  for (const group of groups.values()) {
    const first = group[0] as PenaltyProposalDto;
    const charged = group.filter((r) => r.decision).reduce((s, r) => s + (r.decision?.amount ?? 0), 0);
    const open = group.filter((r) => r.status === "PROPOSED");
    capCollection([charged, ...open.map((r) => r.amount)], capAt(first.year, first.month))
      .slice(1)
      .forEach((c, i) => {
        if (c.capped) capped.add((open[i] as PenaltyProposalDto).id);
      });
  }
  return rows.map((r) => ({ ...r, wouldBeCapped: capped.has(r.id) }));
}

/**
 * The dashboard's penalty panel for a month: when a person who may evaluate (a leader or the
 * coordinator) opens it, that month is evaluated first (idempotent) when its inputs changed since
 * the last evaluation (`evaluatePenaltiesIfChanged`), so the proposals are current;
 * then the year's proposals fired by that month, without the withdrawn ones.
 */
export async function getPenaltyPanel(actor: Actor, year: number, month: number, now = clockNow()) {
  authorize(actor, "penalty.read");
  if (can(actor, "penalty.evaluate")) await evaluatePenaltiesIfChanged(year, month, { now });
  const versions = await listRuleVersions();
  const rows = (await listProposals({ year, month })).filter((r) => r.status !== "WITHDRAWN");
  return {
    year,
    month,
    rows: markProjectedCaps(rows, (y, m) => inForce(versions, y, m).rules.capPerCollection),
    canDecide: can(actor, "penalty.decide"),
    canPay: can(actor, "penalty.pay"),
  };
}

/** District codes with a penalty confirmed in the year (the district table's 惩戒 badge). */
export async function listPenalisedDistrictCodes(year: number): Promise<Set<string>> {
  const rows = await db.penaltyProposal.findMany({
    where: { year, status: "CONFIRMED" },
    select: { district: { select: { code: true } } },
    distinct: ["districtId"],
  });
  return new Set(rows.map((r) => r.district.code));
}
