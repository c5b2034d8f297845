import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { checkChecklist } from "../../domain/bottom-line";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { sweepCheckSchema } from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { districtScope } from "../bottom-line/scope";
import { blText } from "../bottom-line/text";

export type CheckResultDto = {
  targetId: string;
  checkedAt: string;
  summary: { pass: number; fail: number; notApplicable: number; outcome: "CLEAR" | "HAZARDS" };
  results: { id: string; itemId: string; verdict: string }[];
  hazards: { id: string; itemId: string; level: string; deadline: string }[];
};

/**
 * Records the on-site check of one target (in the person's district): a verdict on every item of
 * the sweep's checklist; each FAIL becomes a hazard with its level and deadline. A target is
 * checked once: a second check answers 409.
 */
export async function recordCheck(
  actor: Actor,
  sweepId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<CheckResultDto> {
  authorize(actor, "sweep.check");
  const locale = opts.locale ?? "en";
  if (!isUuid(sweepId)) throw new NotFound("Sweep not found");
  const input = parseInput(sweepCheckSchema, raw, locale);
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  return db.$transaction(async (tx) => {
    const target = await tx.sweepTarget.findFirst({
      where: { id: input.targetId, sweepId, ...districtScope(actor) },
      include: { sweep: { include: { template: { include: { items: true } } } } },
    });
    if (!target) throw new NotFound("Target not found");
    const items = target.sweep.template.items;
    const answers = input.results.map((r) => ({
      itemId: r.itemId,
      verdict: r.verdict,
      hazard: r.hazard ? { level: r.hazard.level, deadline: parseCalendarDate(r.hazard.deadline) as Date } : null,
    }));
    const { issues, summary } = checkChecklist(
      items.map((i) => i.id),
      answers,
      today,
    );
    if (issues.length) {
      const fields: Record<string, string[]> = {};
      for (const issue of issues) {
        const key = issue.index === null ? issue.field : `results.${issue.index}.${issue.field}`;
        fields[key] = [...(fields[key] ?? []), blText(locale, issue.key)];
      }
      throw new Invalid(fields);
    }
    // Claimed with a condition, so two officers submitting at once cannot both record it.
    const claimed = await tx.sweepTarget.updateMany({
      where: { id: target.id, checkedAt: null },
      data: { checkedAt: now, checkedById: actor.id },
    });
    if (claimed.count === 0) throw new Conflict(blText(locale, "alreadyChecked"));
    const titles = new Map(items.map((i) => [i.id, i.title]));
    const results: CheckResultDto["results"] = [];
    const hazards: CheckResultDto["hazards"] = [];
    for (const r of input.results) {
      const row = await tx.sweepItemResult.create({
        data: { targetId: target.id, itemId: r.itemId, verdict: r.verdict, note: r.note ?? "" },
      });
      results.push({ id: row.id, itemId: r.itemId, verdict: r.verdict });
      if (r.verdict === "FAIL" && r.hazard) {
        const title = titles.get(r.itemId) ?? "";
        const hazard = await tx.hazard.create({
          data: {
            resultId: row.id,
            sweepId,
            targetId: target.id,
            districtId: target.districtId,
            enterpriseId: target.enterpriseId,
            level: r.hazard.level,
            deadline: parseCalendarDate(r.hazard.deadline) as Date,
            description: r.hazard.description ?? (r.note ? `${title}：${r.note}` : title),
          },
        });
        hazards.push({ id: hazard.id, itemId: r.itemId, level: hazard.level, deadline: r.hazard.deadline });
      }
    }
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SweepTarget",
      entityId: target.id,
      action: "check",
      after: { sweepId, summary, hazards: hazards.map((h) => ({ id: h.id, level: h.level, deadline: h.deadline })) },
      requestId: opts.requestId,
    });
    return { targetId: target.id, checkedAt: now.toISOString(), summary, results, hazards };
  });
}
