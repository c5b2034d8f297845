import "server-only";
import type { SuspensionKind } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { Conflict } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { suspensionQuerySchema } from "../../schemas/penalties";

export const SUSPENSION_LABELS: Record<SuspensionKind, string> = {
  EIA_INTAKE: "暂停受理建设项目/项目环评审核上报",
  HONOURS: "生态环境类表彰推荐",
  FUNDING: "资金申报",
};

/**
 * Refuses what a suspension forbids: a district suspended for `kind` on the day `on` (Asia/Shanghai
 * calendar day) gets a 409 naming the decision. For the source-control review's project
 * submission (EIA_INTAKE) and any later module where a suspension bites.
 */
export async function assertNotSuspended(districtId: string, kind: SuspensionKind, on: Date = clockNow()): Promise<void> {
  const day = bureauToday(on);
  const s = await db.penaltySuspension.findFirst({
    where: { districtId, kind, startsOn: { lte: day }, endsOn: { gte: day } },
    orderBy: { endsOn: "desc" },
    include: { decision: { select: { number: true } }, district: { select: { name: true } } },
  });
  if (s)
    throw new Conflict(
      `${s.district.name}依惩戒决定${s.decision.number}，${formatCalendarDate(s.startsOn)}至${formatCalendarDate(s.endsOn)}暂停${SUSPENSION_LABELS[kind]}`,
      { decision: s.decision.number, kind, startsOn: formatCalendarDate(s.startsOn), endsOn: formatCalendarDate(s.endsOn) },
    );
}

/** `GET /api/v1/suspensions?districtCode=&active=`: the suspensions, with their decision; `active=true` those biting today. */
export async function listSuspensions(actor: Actor, raw: unknown, opts: { locale?: Locale; now?: Date } = {}) {
  authorize(actor, "penalty.read");
  const q = parseInput(suspensionQuerySchema, raw, opts.locale);
  const today = bureauToday(opts.now);
  const rows = await db.penaltySuspension.findMany({
    where: {
      ...(q.districtCode ? { district: { code: q.districtCode } } : {}),
      ...(q.active === "true" ? { startsOn: { lte: today }, endsOn: { gte: today } } : {}),
      ...(q.active === "false" ? { OR: [{ startsOn: { gt: today } }, { endsOn: { lt: today } }] } : {}),
    },
    orderBy: [{ startsOn: "desc" }, { kind: "asc" }],
    include: { decision: { select: { id: true, number: true } }, district: { select: { code: true, name: true } } },
  });
  return {
    items: rows.map((s) => ({
      id: s.id,
      districtCode: s.district.code,
      districtName: s.district.name,
      kind: s.kind,
      label: SUSPENSION_LABELS[s.kind],
      startsOn: formatCalendarDate(s.startsOn),
      endsOn: formatCalendarDate(s.endsOn),
      active: s.startsOn <= today && s.endsOn >= today,
      decisionId: s.decision.id,
      decisionNumber: s.decision.number,
    })),
  };
}
