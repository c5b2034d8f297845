import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { stageRefusal } from "../../domain/bottom-line";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { closureStageSchema } from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { blInvalid, blText } from "../bottom-line/text";
import { getSettings } from "../settings/get-settings";
import {
  type ClosedEnterpriseDto,
  closedChemicalWhere,
  closedEnterpriseInclude,
  toClosedEnterpriseDto,
} from "./closed-enterprise-dto";

/**
 * Records one closure stage of a closed chemical enterprise, in order (STOPPED → … → VERIFIED):
 * out of order is a 422 naming the first missing stage; REMEDIATED alone may be skipped, with a
 * reason; a done stage's date is not in the future nor before the previous stage's date.
 */
export async function recordClosureStage(
  actor: Actor,
  enterpriseId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosedEnterpriseDto> {
  authorize(actor, "closedEnterprise.record");
  const locale = opts.locale ?? "en";
  if (!isUuid(enterpriseId)) throw new NotFound("Enterprise not found");
  const input = parseInput(closureStageSchema, raw, locale);
  const today = bureauToday(opts.now);
  const years = (await getSettings()).closedChemicalYears;
  return db.$transaction(async (tx) => {
    const visible = await tx.enterprise.findFirst({
      where: { AND: [{ id: enterpriseId }, closedChemicalWhere(actor, today, years)] },
      select: { id: true },
    });
    if (!visible) throw new NotFound("Enterprise not found");
    // One stage at a time per firm: the order check must see the stages recorded just before.
    await tx.$queryRaw(Prisma.sql`SELECT id FROM "Enterprise" WHERE id = ${enterpriseId}::uuid FOR UPDATE`);
    const records = await tx.closureStageRecord.findMany({ where: { enterpriseId } });
    const completedOn = input.skipped ? null : input.completedOn ? parseCalendarDate(input.completedOn) : null;
    if (completedOn && completedOn.getTime() > today.getTime()) throw blInvalid(locale, "completedOn", "dateInFuture");
    const refusal = stageRefusal(records, {
      stage: input.stage,
      completedOn,
      skipped: input.skipped,
      skipReason: input.skipReason,
    });
    if (refusal) {
      const field = {
        stageMissing: "stage",
        stageRecorded: "stage",
        stageNotSkippable: "skipped",
        skipReasonRequired: "skipReason",
        dateRequired: "completedOn",
        dateBeforePrevious: "completedOn",
      }[refusal.key];
      throw blInvalid(locale, field, refusal.key, { stage: blText(locale, `stage.${refusal.stage}`) });
    }
    const created = await tx.closureStageRecord.create({
      data: {
        enterpriseId,
        stage: input.stage,
        completedOn,
        skipped: input.skipped,
        skipReason: input.skipped ? (input.skipReason ?? null) : null,
        note: input.note ?? "",
        recordedById: actor.id,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: enterpriseId,
      action: "closure-stage",
      after: {
        stage: created.stage,
        completedOn: input.completedOn ?? null,
        skipped: created.skipped,
        skipReason: created.skipReason,
      },
      requestId: opts.requestId,
    });
    const row = await tx.enterprise.findUniqueOrThrow({ where: { id: enterpriseId }, include: closedEnterpriseInclude });
    return toClosedEnterpriseDto(row, today);
  });
}
