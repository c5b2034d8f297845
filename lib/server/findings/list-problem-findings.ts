import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { FindingListDto } from "../../schemas/findings";
import { problemScope } from "../problems/scope";
import { findingInclude, toFindingDto } from "./finding-dto";

/** The findings of a visible problem, standing and withdrawn, newest first. */
export async function listProblemFindings(actor: Actor, problemId: string): Promise<FindingListDto> {
  authorize(actor, "finding.read");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const visible = await db.problem.findFirst({ where: { AND: [{ id: problemId }, problemScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFound("Problem not found");
  const rows = await db.rectificationFinding.findMany({
    where: { problemId },
    orderBy: [{ establishedAt: "desc" }, { id: "asc" }],
    include: findingInclude,
  });
  return { items: rows.map((r) => toFindingDto(r, actor)) };
}
