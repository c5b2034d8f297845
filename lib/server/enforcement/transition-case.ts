import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { CASE_NEXT, type CaseStatusName, canMoveCase, caseDateInOrder } from "../../domain/enforcement";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { caseTransitionSchema } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { type CaseDto, caseInclude, toCaseDto } from "./case-dto";
import { caseScope } from "./scope";

const STATUS_ZH: Record<CaseStatusName, string> = {
  FILED: "已立案",
  NOTIFIED: "已告知",
  DECIDED: "已决定",
  EXECUTED: "已执行",
  CLOSED: "已结案",
};

/**
 * `POST /api/v1/cases/{id}/transitions`: the next step of a case (FILED → NOTIFIED → DECIDED →
 * EXECUTED → CLOSED) on a date not before the previous step's, version-checked, audited.
 */
export async function transitionCase(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<CaseDto> {
  authorize(actor, "case.transition");
  if (!isUuid(id)) throw new NotFound("Case not found");
  const input = parseInput(caseTransitionSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    const current = await tx.enforcementCase.findFirst({ where: { id, ...caseScope(actor) }, include: caseInclude });
    if (!current) throw new NotFound("Case not found");
    if (current.version !== input.version) throw new Conflict("该案件已被他人更新，请刷新后再操作", toCaseDto(current));
    const from = current.status as CaseStatusName;
    if (!canMoveCase(from, input.to)) {
      const next = CASE_NEXT[from];
      throw new Invalid({ to: [next ? `案件当前为“${STATUS_ZH[from]}”，下一步只能是“${STATUS_ZH[next.to]}”` : "案件已结案"] });
    }
    const dto = toCaseDto(current);
    const previous = [dto.closedOn, dto.executedOn, dto.decidedOn, dto.notifiedOn, dto.filedOn].find((d) => d) as string;
    if (!caseDateInOrder(previous, input.on)) throw new Invalid({ on: [`日期不得早于上一步（${previous}）`] });
    const step = CASE_NEXT[from] as NonNullable<(typeof CASE_NEXT)[CaseStatusName]>;
    const updated = await tx.enforcementCase.updateMany({
      where: { id, version: input.version },
      data: { status: input.to, [step.dateField]: parseCalendarDate(input.on), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict("该案件已被他人更新，请刷新后再操作");
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "EnforcementCase",
      entityId: id,
      action: "transition",
      before: { status: from },
      after: { status: input.to, [step.dateField]: input.on },
      requestId: opts.requestId,
    });
    const after = await tx.enforcementCase.findUniqueOrThrow({ where: { id }, include: caseInclude });
    return toCaseDto(after);
  });
}
