import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type FindingDto, perfunctoryFindingSchema } from "../../schemas/findings";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { notify } from "../notifications/notify";
import { problemScope } from "../problems/scope";
import { findingInclude, findingText, toFindingDto } from "./finding-dto";

/**
 * A leader records that a visible problem was rectified perfunctorily (认定敷衍整改), with a
 * reason: a PERFUNCTORY finding the penalty rule reads. One standing finding of this kind per
 * problem (a second → 409 until the first is withdrawn). Finding and audit row commit together;
 * the problem's lead unit staff and lead official are told.
 */
export async function recordPerfunctoryFinding(
  actor: Actor,
  problemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<FindingDto> {
  const locale = opts.locale ?? "en";
  authorize(actor, "finding.recordPerfunctory");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const input = parseInput(perfunctoryFindingSchema, raw, locale);
  const now = opts.now ?? clockNow();

  return db.$transaction(async (tx) => {
    const visible = await tx.problem.findFirst({
      where: { AND: [{ id: problemId }, problemScope(actor)] },
      select: { id: true },
    });
    if (!visible) throw new NotFound("Problem not found");
    await tx.$queryRaw`SELECT 1 FROM "Problem" WHERE id = ${problemId}::uuid FOR UPDATE`;
    const problem = await tx.problem.findUniqueOrThrow({
      where: { id: problemId },
      select: { code: true, leadOfficialId: true, createdById: true },
    });
    const standing = await tx.rectificationFinding.findFirst({
      where: { problemId, kind: "PERFUNCTORY", withdrawnAt: null },
      select: { id: true },
    });
    if (standing) throw new Conflict(findingText(locale, "refusal.alreadyPerfunctory"));

    const finding = await tx.rectificationFinding.create({
      data: { problemId, kind: "PERFUNCTORY", reason: input.reason, establishedById: actor.id, establishedAt: now },
      include: findingInclude,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "RectificationFinding",
      entityId: finding.id,
      action: "establish",
      after: { problemId, kind: finding.kind, reason: finding.reason },
      requestId: opts.requestId,
    });
    const recipients = [problem.leadOfficialId, problem.createdById].filter((u): u is string => !!u && u !== actor.id);
    await notify(tx, {
      recipients: [...new Set(recipients)],
      kind: "finding.established",
      problemId,
      link: `/problems/${problemId}`,
      dedupeKey: `finding.established:${finding.id}`,
      text: (l) => ({
        title: findingText(l, "notice.perfunctoryTitle", { code: problem.code }),
        body: findingText(l, "notice.perfunctoryBody", { actor: actor.displayName, reason: finding.reason }),
      }),
    });
    return toFindingDto(finding, actor);
  });
}
