import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { type PenaltyHit, ruleMonth } from "../../domain/penalties";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { penaltyEvaluateSchema } from "../../schemas/penalties";
import { writeAudit } from "../audit/write-audit";
import { computeDistrictPenalties } from "../indicators/get-penalties";
import { penaltyInputsFingerprint } from "./evaluation-fingerprint";
import { inForce, listRuleVersions } from "./penalty-rules";

export type EvaluationRun = {
  year: number;
  month: number;
  created: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
};

/** The figures behind a hit, as stored with its proposal (everything but the amount and keys). */
function figuresOf(hit: PenaltyHit): Prisma.InputJsonObject {
  const { fee: _fee, episodeKey: _key, month: _month, ...rest } = hit;
  return JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonObject;
}

const YEARLY = new Set(["PM25", "GOOD_AIR", "SECTION"]);

/**
 * Evaluates a month into proposals (惩戒建议), idempotently: a new episode → a proposal; an episode
 * already proposed → its figures (and, for the same firing month, its amount) brought up to date;
 * an undecided proposal whose trigger no longer holds → WITHDRAWN with the reason; a decided one
 * is never touched. Only proposals this evaluation could have produced are withdrawn: the yearly
 * triggers (air, sections) of this year fired by this month, and problems and hazards fired by it.
 * A withdrawn episode that holds again is proposed again.
 */
export async function evaluatePenalties(
  year: number,
  month: number,
  opts: { actorId?: string | null; requestId?: string; now?: Date } = {},
): Promise<EvaluationRun> {
  const versions = await listRuleVersions();
  const reports = await computeDistrictPenalties(year, month, opts.now, undefined, versions);
  const evaluatedAt = ruleMonth(year, month);
  const run: EvaluationRun = { year, month, created: 0, updated: 0, withdrawn: 0, unchanged: 0 };

  await db.$transaction(
    async (tx) => {
      // One evaluation at a time (the panel and the job may start one together).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(73510010)`;
      const existing = await tx.penaltyProposal.findMany({
        where: { districtId: { in: reports.map((r) => r.districtId) } },
        select: {
          id: true,
          districtId: true,
          episodeKey: true,
          trigger: true,
          year: true,
          month: true,
          status: true,
          amount: true,
          figures: true,
          evaluatedAt: true,
          version: true,
        },
      });
      const byKey = new Map(existing.map((p) => [`${p.districtId}|${p.episodeKey}`, p]));
      // New proposals and their audit rows go in two statements: the first evaluation of a year of data makes many.
      const creates: Prisma.PenaltyProposalCreateManyInput[] = [];
      const audits: Prisma.AuditLogCreateManyInput[] = [];
      const held = new Set<string>();
      for (const r of reports) {
        for (const hit of r.hits) {
          const key = `${r.districtId}|${hit.episodeKey}`;
          held.add(key);
          const figures = figuresOf(hit);
          const version = inForce(versions, year, hit.month);
          const prior = byKey.get(key);
          if (!prior) {
            const id = randomUUID();
            creates.push({
              id,
              districtId: r.districtId,
              trigger: hit.rule,
              episodeKey: hit.episodeKey,
              year,
              month: hit.month,
              evaluatedAt,
              amount: hit.fee,
              figures,
              ruleVersionId: version.id,
              problemId: hit.rule === "PROBLEM" ? hit.problemId : null,
            });
            audits.push({
              actorId: opts.actorId ?? null,
              entityType: "PenaltyProposal",
              entityId: id,
              action: "propose",
              after: {
                district: r.districtName,
                trigger: hit.rule,
                episodeKey: hit.episodeKey,
                year,
                month: hit.month,
                amount: hit.fee,
              },
              requestId: opts.requestId ?? null,
            });
            run.created++;
            continue;
          }
          if (prior.status === "CONFIRMED" || prior.status === "WAIVED") {
            run.unchanged++;
            continue;
          }
          // A later evaluation brings the figures up to date; an earlier month's never rewrites a later one's.
          if (prior.status === "PROPOSED" && evaluatedAt < prior.evaluatedAt) {
            run.unchanged++;
            continue;
          }
          const samePeriod = prior.year === year && prior.month === hit.month;
          const amount = samePeriod ? hit.fee : prior.amount;
          const same =
            prior.status === "PROPOSED" && amount === prior.amount && JSON.stringify(prior.figures) === JSON.stringify(figures);
          if (same && prior.evaluatedAt === evaluatedAt) {
            run.unchanged++;
            continue;
          }
          await tx.penaltyProposal.update({
            where: { id: prior.id },
            data: {
              status: "PROPOSED",
              statusReason: null,
              amount,
              figures,
              evaluatedAt,
              ...(samePeriod ? { ruleVersionId: version.id } : {}),
              version: { increment: 1 },
            },
          });
          if (!same) {
            await writeAudit(tx, {
              actorId: opts.actorId ?? null,
              entityType: "PenaltyProposal",
              entityId: prior.id,
              action: prior.status === "WITHDRAWN" ? "repropose" : "reevaluate",
              before: { status: prior.status, amount: prior.amount },
              after: { status: "PROPOSED", amount, evaluatedAt },
              requestId: opts.requestId,
            });
            run.updated++;
          } else run.unchanged++;
        }
      }
      if (creates.length) await tx.penaltyProposal.createMany({ data: creates });
      if (audits.length) await tx.auditLog.createMany({ data: audits });
      for (const p of existing) {
        if (p.status !== "PROPOSED" || held.has(`${p.districtId}|${p.episodeKey}`)) continue;
        if (p.evaluatedAt > evaluatedAt) continue;
        const inScope = YEARLY.has(p.trigger) ? p.year === year && p.month <= month : ruleMonth(p.year, p.month) <= evaluatedAt;
        if (!inScope) continue;
        const statusReason = `${year}年${month}月评估时触发条件已不再成立`;
        await tx.penaltyProposal.update({
          where: { id: p.id },
          data: { status: "WITHDRAWN", statusReason, evaluatedAt, version: { increment: 1 } },
        });
        await writeAudit(tx, {
          actorId: opts.actorId ?? null,
          entityType: "PenaltyProposal",
          entityId: p.id,
          action: "withdraw",
          before: { status: "PROPOSED" },
          after: { status: "WITHDRAWN", statusReason },
          requestId: opts.requestId,
        });
        run.withdrawn++;
      }
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  return run;
}

/** `POST /api/v1/penalties/evaluate {year, month}`: a coordinator or leader evaluates any month. */
export async function evaluatePenaltiesAsActor(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<EvaluationRun> {
  authorize(actor, "penalty.evaluate");
  const input = parseInput(penaltyEvaluateSchema, raw, opts.locale);
  return evaluatePenalties(input.year, input.month, { actorId: actor.id, requestId: opts.requestId, now: opts.now });
}

/** The latest month with imported district air data, the one the panel and the monthly job evaluate. */
export async function latestPenaltyMonth(): Promise<{ year: number; month: number } | null> {
  const row = await db.indicatorValue.findFirst({
    where: { indicator: { in: ["PM25", "GOOD_AIR_RATIO"] }, cumulative: true },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { year: true, month: true },
  });
  return row ? { year: row.year, month: row.month } : null;
}

/**
 * `evaluatePenalties` when its inputs changed since the month was last evaluated this way (the
 * dashboard's panel opens it on every visit): the fingerprint of the inputs is read first and
 * stored after the evaluation, so a change made meanwhile is seen on the next visit, never lost.
 * Returns null when nothing changed.
 */
export async function evaluatePenaltiesIfChanged(
  year: number,
  month: number,
  opts: { now?: Date } = {},
): Promise<EvaluationRun | null> {
  const fingerprint = await penaltyInputsFingerprint(year, month, opts.now);
  const state = await db.penaltyEvaluationState.findUnique({ where: { year_month: { year, month } } });
  if (state?.fingerprint === fingerprint) return null;
  const run = await evaluatePenalties(year, month, opts);
  await db.penaltyEvaluationState.upsert({
    where: { year_month: { year, month } },
    create: { year, month, fingerprint },
    update: { fingerprint, evaluatedAt: new Date() },
  });
  return run;
}
