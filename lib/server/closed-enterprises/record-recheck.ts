import "server-only";
import { db } from "../../db";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { recheckSchema } from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { blInvalid } from "../bottom-line/text";
import { getSettings } from "../settings/get-settings";
import {
  type ClosedEnterpriseDto,
  closedChemicalWhere,
  closedEnterpriseInclude,
  toClosedEnterpriseDto,
} from "./closed-enterprise-dto";

/** Records a re-check (复查) of a closed chemical enterprise's site: date (not in the future), inspector, findings, OK or not. */
export async function recordRecheck(
  actor: Actor,
  enterpriseId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ClosedEnterpriseDto> {
  authorize(actor, "closedEnterprise.recheck");
  const locale = opts.locale ?? "en";
  if (!isUuid(enterpriseId)) throw new NotFound("Enterprise not found");
  const input = parseInput(recheckSchema, raw, locale);
  const today = bureauToday(opts.now);
  const checkedOn = parseCalendarDate(input.checkedOn) as Date;
  const years = (await getSettings()).closedChemicalYears;
  return db.$transaction(async (tx) => {
    const visible = await tx.enterprise.findFirst({
      where: { AND: [{ id: enterpriseId }, closedChemicalWhere(actor, today, years)] },
      select: { id: true },
    });
    if (!visible) throw new NotFound("Enterprise not found");
    if (checkedOn.getTime() > today.getTime()) throw blInvalid(locale, "checkedOn", "dateInFuture");
    const created = await tx.closedEnterpriseRecheck.create({
      data: {
        enterpriseId,
        checkedOn,
        inspector: input.inspector,
        findings: input.findings,
        ok: input.ok,
        recordedById: actor.id,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: enterpriseId,
      action: "recheck",
      after: { id: created.id, checkedOn: input.checkedOn, inspector: input.inspector, ok: input.ok },
      requestId: opts.requestId,
    });
    const row = await tx.enterprise.findUniqueOrThrow({ where: { id: enterpriseId }, include: closedEnterpriseInclude });
    return toClosedEnterpriseDto(row, today);
  });
}
