import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { penaltyPaymentSchema } from "../../schemas/penalties";
import { writeAudit } from "../audit/write-audit";

/** `POST /api/v1/penalties/decisions/{id}/payment {paidOn}`: the coordinator records the fee as paid (UNPAID → PAID). */
export async function recordPenaltyPayment(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
) {
  authorize(actor, "penalty.pay");
  if (!isUuid(id)) throw new NotFound("Penalty decision not found");
  const input = parseInput(penaltyPaymentSchema, raw, opts.locale);
  const paidOn = parseCalendarDate(input.paidOn) as Date;
  return db.$transaction(async (tx) => {
    const d = await tx.penaltyDecision.findUnique({ where: { id } });
    if (!d) throw new NotFound("Penalty decision not found");
    if (d.paymentStatus === "PAID") throw new Conflict("该惩戒金已登记缴纳", { paymentStatus: d.paymentStatus });
    const updated = await tx.penaltyDecision.update({
      where: { id },
      data: { paymentStatus: "PAID", paidOn, paidRecordedById: actor.id, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PenaltyDecision",
      entityId: id,
      action: "payment",
      before: { paymentStatus: "UNPAID" },
      after: { paymentStatus: "PAID", paidOn: input.paidOn, number: d.number },
      requestId: opts.requestId,
    });
    return { id, number: updated.number, paymentStatus: updated.paymentStatus, paidOn: input.paidOn };
  });
}
