import "server-only";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { capCollection } from "../../domain/penalties";
import { decisionNumber, suspensionEnd } from "../../domain/penalty-decisions";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { penaltyDecisionSchema } from "../../schemas/penalties";
import { writeAudit } from "../audit/write-audit";
import { inForce, listRuleVersions } from "./penalty-rules";

export const SUSPENSION_KINDS = ["EIA_INTAKE", "HONOURS", "FUNDING"] as const;

/**
 * `POST /api/v1/penalties/{id}/decision`: a leader confirms (认定) or waives (豁免, with a reason)
 * a proposal at the version they saw. Confirming makes a decision: the next number of the year,
 * the amount charged within the cap of the collection (the district's confirmed penalties of the
 * proposal's month, cap by the rules in force that month; the excess is shown, not charged), and
 * suspensions of EIA intake, honours and funding applications from today for `suspensionMonths`.
 */
export async function decidePenalty(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
) {
  authorize(actor, "penalty.decide");
  if (!isUuid(id)) throw new NotFound("Penalty proposal not found");
  const input = parseInput(penaltyDecisionSchema, raw, opts.locale);
  const versions = await listRuleVersions();
  const today = bureauToday(opts.now);
  try {
    return await db.$transaction(async (tx) => {
      const p = await tx.penaltyProposal.findUnique({ where: { id }, include: { district: { select: { name: true } } } });
      if (!p) throw new NotFound("Penalty proposal not found");
      if (p.status !== "PROPOSED")
        throw new Conflict("此惩戒建议已处理或已撤回，不能再次认定或豁免", { status: p.status, version: p.version });
      if (p.version !== input.version)
        throw new Conflict("此惩戒建议已被更新，请刷新后再操作", { status: p.status, version: p.version });
      const status = input.decision === "CONFIRM" ? "CONFIRMED" : "WAIVED";
      const updated = await tx.penaltyProposal.updateMany({
        where: { id, version: p.version },
        data: {
          status,
          statusReason: input.reason ?? null,
          decidedById: actor.id,
          decidedAt: opts.now ?? clockNow(),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new Conflict("此惩戒建议已被更新，请刷新后再操作");

      let decision: { id: string; number: string; amount: number; capped: boolean } | null = null;
      if (status === "CONFIRMED") {
        const rules = inForce(versions, p.year, p.month).rules;
        const sameCollection = await tx.penaltyDecision.findMany({
          where: { districtId: p.districtId, proposal: { year: p.year, month: p.month } },
          select: { amount: true },
        });
        const [charge] = capCollection(
          [sameCollection.reduce((s, d) => s + d.amount, 0), p.amount],
          rules.capPerCollection,
        ).slice(1);
        const year = today.getUTCFullYear();
        const last = await tx.penaltyDecision.aggregate({ where: { year }, _max: { seq: true } });
        const seq = (last._max.seq ?? 0) + 1;
        const row = await tx.penaltyDecision.create({
          data: {
            proposalId: p.id,
            districtId: p.districtId,
            year,
            seq,
            number: decisionNumber(year, seq),
            proposedAmount: p.amount,
            amount: charge?.charged ?? 0,
            capped: charge?.capped ?? false,
            decidedOn: today,
          },
        });
        const endsOn = suspensionEnd(today, rules.suspensionMonths);
        if (rules.suspensionMonths > 0)
          await tx.penaltySuspension.createMany({
            data: SUSPENSION_KINDS.map((kind) => ({
              decisionId: row.id,
              districtId: p.districtId,
              kind,
              startsOn: today,
              endsOn,
            })),
          });
        decision = { id: row.id, number: row.number, amount: row.amount, capped: row.capped };
        await writeAudit(tx, {
          actorId: actor.id,
          entityType: "PenaltyDecision",
          entityId: row.id,
          action: "create",
          after: {
            number: row.number,
            district: p.district.name,
            amount: row.amount,
            proposedAmount: p.amount,
            capped: row.capped,
            suspensions: rules.suspensionMonths > 0 ? { from: formatCalendarDate(today), to: formatCalendarDate(endsOn) } : null,
          },
          requestId: opts.requestId,
        });
      }
      const entry = {
        actorId: actor.id,
        action: input.decision === "CONFIRM" ? "penalty.confirm" : "penalty.waive",
        before: { status: "PROPOSED" },
        after: {
          status,
          trigger: p.trigger,
          amount: p.amount,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(decision ? { decision: decision.number, charged: decision.amount } : {}),
        },
        requestId: opts.requestId,
      };
      await writeAudit(tx, { ...entry, entityType: "PenaltyProposal", entityId: p.id });
      // The problem's history shows the decision on its penalty.
      if (p.problemId)
        await writeAudit(tx, {
          actorId: actor.id,
          entityType: "Problem",
          entityId: p.problemId,
          action: input.decision === "CONFIRM" ? "penaltyConfirm" : "penaltyWaive",
          before: {},
          after: {
            penaltyDecision: decision?.number ?? null,
            penaltyAmount: decision ? decision.amount : p.amount,
            comment: input.reason ?? null,
          },
          requestId: opts.requestId,
        });
      return { id: p.id, status, version: p.version + 1, decision };
    });
  } catch (e) {
    // Two decisions numbered at once: the second is told to try again rather than given a duplicate number.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new Conflict("决定文号冲突，请重试");
    throw e;
  }
}
