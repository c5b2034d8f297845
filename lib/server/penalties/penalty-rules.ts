import "server-only";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import {
  FIRST_RULES_MONTH,
  mergePenaltyRules,
  type PenaltyRules,
  type RuleVersion,
  ruleMonth,
  versionInForce,
} from "../../domain/penalties";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { penaltyRulesPatchSchema } from "../../schemas/penalties";
import { writeAudit } from "../audit/write-audit";

export type PenaltyRuleVersionDto = RuleVersion & {
  id: string | null;
  reason: string;
  setByName: string | null;
};

/**
 * Every version of the penalty rules, oldest first, each the full rule set (stored values over the
 * Wuxi rules, key by key). With none stored (a fresh database) the Wuxi rules from 2021-09 stand.
 */
export async function listRuleVersions(tx: Tx = db): Promise<PenaltyRuleVersionDto[]> {
  const rows = await tx.penaltyRuleVersion.findMany({
    orderBy: [{ effectiveFrom: "asc" }, { setAt: "asc" }],
    include: { setBy: { select: { displayName: true } } },
  });
  if (rows.length === 0)
    return [
      {
        id: null,
        effectiveFrom: FIRST_RULES_MONTH,
        setAt: new Date(Date.UTC(2021, 8, 1)),
        rules: mergePenaltyRules(null),
        reason: "无锡市惩戒办法（2021年9月起施行）",
        setByName: null,
      },
    ];
  return rows.map((r) => ({
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    setAt: r.setAt,
    rules: mergePenaltyRules(r.rules),
    reason: r.reason,
    setByName: r.setBy?.displayName ?? null,
  }));
}

/** The rules in force in a month (the Wuxi rules before the first version). */
export function inForce(versions: readonly PenaltyRuleVersionDto[], year: number, month: number): PenaltyRuleVersionDto {
  return versionInForce(versions, year, month) ?? (versions[0] as PenaltyRuleVersionDto);
}

/** `GET /api/v1/penalty-rules`: the versions and the one in force this month. */
export async function getPenaltyRules(actor: Actor, now = clockNow()) {
  authorize(actor, "penalty.read");
  const versions = await listRuleVersions();
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const current = inForce(versions, shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1);
  return { inForce: current, month: ruleMonth(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1), versions };
}

/**
 * `PATCH /api/v1/penalty-rules`: an administrator sets a new version effective from a month: the
 * rules in force that month with the keys given changed, stored in full, with the reason. Months
 * already evaluated keep their proposals; an evaluation of that month or later uses the new rules.
 */
export async function updatePenaltyRules(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<PenaltyRuleVersionDto> {
  authorize(actor, "penaltyRules.manage");
  const input = parseInput(penaltyRulesPatchSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    const versions = await listRuleVersions(tx);
    const [y, m] = input.effectiveFrom.split("-").map(Number) as [number, number];
    const base = inForce(versions, y, m);
    const rules: PenaltyRules = { ...base.rules };
    for (const [key, value] of Object.entries(input.rules)) if (value !== undefined) rules[key as keyof PenaltyRules] = value;
    const row = await tx.penaltyRuleVersion.create({
      data: { effectiveFrom: input.effectiveFrom, rules, reason: input.reason, setById: actor.id },
    });
    const changed = Object.fromEntries(
      Object.entries(rules).filter(([k, v]) => base.rules[k as keyof PenaltyRules] !== v),
    ) as Partial<PenaltyRules>;
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, base.rules[k as keyof PenaltyRules]]));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PenaltyRuleVersion",
      entityId: row.id,
      action: "create",
      before: { effectiveFrom: base.effectiveFrom, ...before },
      after: { effectiveFrom: input.effectiveFrom, reason: input.reason, ...changed },
      requestId: opts.requestId,
    });
    return {
      id: row.id,
      effectiveFrom: row.effectiveFrom,
      setAt: row.setAt,
      rules,
      reason: row.reason,
      setByName: actor.displayName,
    };
  });
}
