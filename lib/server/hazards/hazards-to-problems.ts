import "server-only";
import { db } from "../../db";
import { deadlineBandFor } from "../../domain/bottom-line";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { hazardsToProblemsSchema } from "../../schemas/bottom-line";
import { type Locale, parseInput } from "../../schemas/parse";
import { problemCreateSchema } from "../../schemas/problem";
import { writeAudit } from "../audit/write-audit";
import { districtScope } from "../bottom-line/scope";
import { blInvalid, blText } from "../bottom-line/text";
import { createProblemInTx, isUniqueViolation } from "../problems/create-problem";

export type HazardProblemDto = { hazardId: string; problemId: string; code: string };

/**
 * Turns hazards (in the person's scope) into ledger problems — source HAZARD_SWEEP, category
 * RISK, the enterprise named, deadline and band from the hazard — through the ledger's own
 * registration core, and links each hazard to its problem. All of them in one transaction: one
 * refusal or failure leaves no problem and no link. The lead unit is the one given, else the
 * dispatched agency (派出机构) of the hazard's district.
 */
export async function hazardsToProblems(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<{ items: HazardProblemDto[] }> {
  authorize(actor, "problem.create");
  authorize(actor, "hazard.toProblem");
  const locale = opts.locale ?? "en";
  const input = parseInput(hazardsToProblemsSchema, raw, locale);
  const ids = [...new Set(input.hazardIds)];
  const today = bureauToday(opts.now);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const hazards = await tx.hazard.findMany({
          where: { id: { in: ids }, ...districtScope(actor) },
          include: {
            result: { select: { note: true, item: { select: { title: true } } } },
            target: { select: { enterprise: { select: { name: true, address: true } }, park: { select: { name: true } } } },
            sweep: { select: { title: true } },
            district: { select: { id: true, code: true, name: true } },
            problem: { select: { code: true } },
          },
        });
        if (hazards.length !== ids.length) throw new NotFound("Hazard not found");
        const taken = hazards.find((h) => h.problemId);
        if (taken) throw blInvalid(locale, "hazardIds", "alreadyProblem", { code: taken.problem?.code ?? "" });
        if (input.leadUnitId) {
          const unit = await tx.unit.findFirst({ where: { id: input.leadUnitId, active: true }, select: { id: true } });
          if (!unit) throw blInvalid(locale, "leadUnitId", "unknownLeadUnit");
        }
        const agencies = await tx.unit.findMany({
          where: { kind: "AGENCY", active: true, districtId: { in: hazards.map((h) => h.districtId) } },
          select: { id: true, districtId: true },
          orderBy: { code: "asc" },
        });
        const out: HazardProblemDto[] = [];
        // In the order asked, so codes follow the coordinator's selection.
        for (const id of ids) {
          const h = hazards.find((x) => x.id === id);
          if (!h) throw new NotFound("Hazard not found");
          const leadUnitId = input.leadUnitId ?? agencies.find((a) => a.districtId === h.districtId)?.id;
          if (!leadUnitId) throw blInvalid(locale, "leadUnitId", "noAgency", { district: h.district.name });
          const targetName = h.target.enterprise?.name ?? h.target.park?.name ?? "";
          const problemInput = parseInput(
            problemCreateSchema,
            {
              title: `${targetName}：${h.result.item.title}`.slice(0, 200),
              description:
                `${blText(locale, "problemFrom", { sweep: h.sweep.title, level: blText(locale, `level.${h.level}`) })}\n${h.description}`.slice(
                  0,
                  5000,
                ),
              source: "HAZARD_SWEEP",
              category: "RISK",
              districtCode: h.district.code,
              locationText: h.target.enterprise?.address?.slice(0, 300) || undefined,
              leadUnitId,
              deadlineBand: deadlineBandFor(h.deadline, today),
              deadline: formatCalendarDate(h.deadline),
            },
            locale,
          );
          const problem = await createProblemInTx(tx, actor, problemInput, {
            locale,
            requestId: opts.requestId,
            enterpriseId: h.enterpriseId,
          });
          const linked = await tx.hazard.updateMany({ where: { id: h.id, problemId: null }, data: { problemId: problem.id } });
          if (linked.count === 0) throw new Conflict(blText(locale, "alreadyProblem", { code: "" }));
          await writeAudit(tx, {
            actorId: actor.id,
            entityType: "Hazard",
            entityId: h.id,
            action: "to-problem",
            after: { problemId: problem.id, code: problem.code },
            requestId: opts.requestId,
          });
          out.push({ hazardId: h.id, problemId: problem.id, code: problem.code });
        }
        return { items: out };
      });
    } catch (e) {
      if (isUniqueViolation(e, "code") && attempt < 4) continue;
      throw e;
    }
  }
}
