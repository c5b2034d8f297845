/**
 * Demo data for penalties — NOT a real finding: the first version of the penalty rules (the Wuxi
 * rules from 2021-09, unless the migration already wrote it) and one finding of perfunctory
 * rectification on a demo problem, worded as demo, so the penalty panel has a PROBLEM proposal to
 * show in the latest month besides those the demo air figures and overdue problems make.
 */
import type { Prisma } from "@prisma/client";
import { FIRST_RULES_MONTH, WUXI_PENALTY_RULES } from "../lib/domain/penalties";
import type { Db } from "../tests/factories";

export const DEMO_FINDING_REASON = "【演示数据】现场复核发现整改不到位，仍有积存废物（演示用，非真实认定）";

export async function seedDemoPenalties(db: Db, opts: { now: Date }): Promise<{ ruleVersions: number; findings: number }> {
  let ruleVersions = 0;
  if ((await db.penaltyRuleVersion.count()) === 0) {
    await db.penaltyRuleVersion.create({
      data: {
        effectiveFrom: FIRST_RULES_MONTH,
        rules: { ...WUXI_PENALTY_RULES } as Prisma.InputJsonObject,
        reason: "无锡市惩戒办法（2021年9月起施行）",
      },
    });
    ruleVersions = 1;
  }
  const leader = await db.user.findFirst({ where: { role: "LEADER", active: true }, orderBy: { username: "asc" } });
  const problem = await db.problem.findFirst({
    where: { status: "RECTIFYING", findings: { none: {} } },
    orderBy: { code: "asc" },
  });
  if (!leader || !problem) return { ruleVersions, findings: 0 };
  await db.rectificationFinding.create({
    data: {
      problemId: problem.id,
      kind: "PERFUNCTORY",
      reason: DEMO_FINDING_REASON,
      establishedById: leader.id,
      establishedAt: new Date(opts.now.getTime() - 3 * 86_400_000),
    },
  });
  return { ruleVersions, findings: 1 };
}
