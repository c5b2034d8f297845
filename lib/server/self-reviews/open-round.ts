import "server-only";
import { db } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type RoundDto, roundCreateSchema } from "../../schemas/self-review";
import { writeAudit } from "../audit/write-audit";
import { type Notice, notifyMany } from "../notifications/notify";
import { unitStaffOfUnits } from "../notifications/recipients";
import { getRound } from "./get-round";
import { fieldText, reflectNotice } from "./texts";

/**
 * The inspection office opens a round: one answer sheet per unit named, each unit's staff told.
 * Round, sheets, audit row and notices commit together.
 */
export async function openRound(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<RoundDto> {
  authorize(actor, "selfReview.manage");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(roundCreateSchema, raw, locale);
  if (input.dueOn < formatCalendarDate(bureauToday(opts.now))) throw new Invalid({ dueOn: [fieldText("dueInPast", locale)] });
  const roundId = await db.$transaction(async (tx) => {
    const units = await tx.unit.findMany({
      where: { id: { in: input.unitIds }, active: true },
      select: { id: true, name: true },
    });
    if (units.length !== input.unitIds.length) throw new Invalid({ unitIds: [fieldText("unknownUnits", locale)] });
    const round = await tx.selfReviewRound.create({
      data: {
        title: input.title,
        period: input.period,
        dueOn: parseCalendarDate(input.dueOn) as Date,
        createdById: actor.id,
        sheets: { create: input.unitIds.map((unitId) => ({ unitId })) },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SelfReviewRound",
      entityId: round.id,
      action: "open",
      after: { title: round.title, period: round.period, dueOn: input.dueOn, units: units.map((u) => u.name) },
      requestId: opts.requestId,
    });
    const staff = await unitStaffOfUnits(tx, input.unitIds);
    const notices: Notice[] = units.map((u) => ({
      recipients: staff.get(u.id) ?? [],
      kind: "selfReview.opened",
      link: `/bottom-line/self-reviews/${round.id}/units/${u.id}`,
      dedupeKey: `self-review-open:${round.id}:${u.id}`,
      text: (l) => reflectNotice(l, "opened", { title: round.title, period: round.period, dueOn: input.dueOn, unit: u.name }),
    }));
    await notifyMany(tx, notices);
    return round.id;
  });
  return getRound(actor, roundId, { now: opts.now });
}
