import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { EvidenceDto, EvidenceListDto } from "../../schemas/evidence";
import { problemScope } from "../problems/scope";
import { evidenceInclude, findVisibleEvidence, toEvidenceDto } from "./evidence-dto";

/** All evidence of a visible problem, current and superseded versions alike, newest first. */
export async function listEvidence(actor: Actor, problemId: string): Promise<EvidenceListDto> {
  authorize(actor, "evidence.read");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const visible = await db.problem.findFirst({ where: { AND: [{ id: problemId }, problemScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFound("Problem not found");
  const rows = await db.evidence.findMany({
    where: { problemId },
    include: evidenceInclude,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return { items: rows.map((r) => toEvidenceDto(r, actor)) };
}

/** One piece of evidence of a visible problem. */
export async function getEvidence(actor: Actor, id: string): Promise<EvidenceDto> {
  authorize(actor, "evidence.read");
  return toEvidenceDto(await findVisibleEvidence(db, actor, id), actor);
}
