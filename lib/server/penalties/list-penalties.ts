import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { penaltyListQuerySchema } from "../../schemas/penalties";
import { computeDistrictPenalties } from "../indicators/get-penalties";
import { SUSPENSION_LABELS } from "./suspensions";

const include = {
  district: { select: { code: true, name: true } },
  decidedBy: { select: { displayName: true } },
  ruleVersion: { select: { effectiveFrom: true } },
  problem: { select: { code: true, title: true } },
  decision: { include: { suspensions: { orderBy: { kind: "asc" } } } },
} satisfies Prisma.PenaltyProposalInclude;

type Row = Prisma.PenaltyProposalGetPayload<{ include: typeof include }>;

/** What the panel shows: 建议 / 已认定 / 已豁免 / 已缴纳 / 已撤回. */
export type PenaltyDisplayStatus = "PROPOSED" | "CONFIRMED" | "WAIVED" | "PAID" | "WITHDRAWN";

export function proposalDto(p: Row) {
  const d = p.decision;
  return {
    id: p.id,
    districtCode: p.district.code,
    districtName: p.district.name,
    trigger: p.trigger,
    episodeKey: p.episodeKey,
    year: p.year,
    month: p.month,
    amount: p.amount,
    figures: p.figures as Record<string, unknown>,
    status: p.status,
    displayStatus: (d?.paymentStatus === "PAID" ? "PAID" : p.status) as PenaltyDisplayStatus,
    statusReason: p.statusReason,
    version: p.version,
    decidedByName: p.decidedBy?.displayName ?? null,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    rulesEffectiveFrom: p.ruleVersion?.effectiveFrom ?? null,
    problem: p.problemId && p.problem ? { id: p.problemId, code: p.problem.code, title: p.problem.title } : null,
    decision: d
      ? {
          id: d.id,
          number: d.number,
          proposedAmount: d.proposedAmount,
          amount: d.amount,
          capped: d.capped,
          excess: d.proposedAmount - d.amount,
          decidedOn: formatCalendarDate(d.decidedOn),
          paymentStatus: d.paymentStatus,
          paidOn: d.paidOn ? formatCalendarDate(d.paidOn) : null,
          version: d.version,
          suspensions: d.suspensions.map((s) => ({
            kind: s.kind,
            label: SUSPENSION_LABELS[s.kind],
            startsOn: formatCalendarDate(s.startsOn),
            endsOn: formatCalendarDate(s.endsOn),
          })),
        }
      : null,
  };
}
export type PenaltyProposalDto = ReturnType<typeof proposalDto>;

/** The proposals (and their decisions) of a year, fired up to `month` when given, newest month first. */
export async function listProposals(q: { year: number; month?: number; districtCode?: string; status?: string }) {
  const rows = await db.penaltyProposal.findMany({
    where: {
      year: q.year,
      ...(q.month ? { month: { lte: q.month } } : {}),
      ...(q.districtCode ? { district: { code: q.districtCode } } : {}),
      ...(q.status === "PAID"
        ? { decision: { paymentStatus: "PAID" } }
        : q.status === "CONFIRMED"
          ? { status: "CONFIRMED", decision: { paymentStatus: "UNPAID" } }
          : q.status
            ? { status: q.status as "PROPOSED" | "WAIVED" | "WITHDRAWN" }
            : {}),
    },
    orderBy: [{ district: { code: "asc" } }, { month: "desc" }, { trigger: "asc" }, { episodeKey: "asc" }],
    include,
  });
  return rows.map(proposalDto);
}

/**
 * `GET /api/v1/penalties?year=&month=&districtCode=&status=`: the stored proposals and decisions;
 * with a month also `items` (every district's hits as evaluated live through that month, the
 * response before proposals existed) and `totalFee`.
 */
/** The penalties page: proposals and decisions of a year (optionally a month, district, status). */
export async function listPenaltyProposals(actor: Actor, q: Parameters<typeof listProposals>[0]) {
  authorize(actor, "penalty.read");
  return listProposals(q);
}

export async function getPenalties(actor: Actor, raw: unknown, opts: { locale?: Locale; now?: Date } = {}) {
  authorize(actor, "penalty.read");
  const q = parseInput(penaltyListQuerySchema, raw, opts.locale);
  const items = q.month ? await computeDistrictPenalties(q.year, q.month, opts.now) : [];
  const proposals = await listProposals(q);
  return {
    year: q.year,
    month: q.month ?? null,
    items,
    totalFee: items.reduce((s, d) => s + d.totalFee, 0),
    proposals,
  };
}
