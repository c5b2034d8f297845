import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { type RoundDto, roundCloseSchema } from "../../schemas/self-review";
import { writeAudit } from "../audit/write-audit";
import { getRound } from "./get-round";
import { errorText } from "./texts";

/** The inspection office closes a round: answers, comments and returns stop; late reminders stop. */
export async function closeRound(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<RoundDto> {
  authorize(actor, "selfReview.manage");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(roundCloseSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound();
  await db.$transaction(async (tx) => {
    const round = await tx.selfReviewRound.findUnique({ where: { id } });
    if (!round) throw new NotFound();
    if (round.status === "CLOSED") throw new Conflict(errorText("roundAlreadyClosed", locale), { version: round.version });
    const updated = await tx.selfReviewRound.updateMany({
      where: { id, version: input.version, status: "OPEN" },
      data: { status: "CLOSED", closedAt: opts.now ?? clockNow(), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict(errorText("stale", locale), { version: round.version });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewRound",
      entityId: id,
      action: "close",
      before: { status: "OPEN" },
      after: { status: "CLOSED" },
      requestId: opts.requestId,
    });
  });
  return getRound(actor, id, opts);
}
