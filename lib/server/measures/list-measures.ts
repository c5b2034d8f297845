import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { MeasureListDto } from "../../schemas/measure";
import { problemScope } from "../problems/scope";
import { measureInclude, toMeasureDetailDto } from "./measure-dto";

/** The measures of a visible problem in their order, with the problem's progress and colour. */
export async function listMeasures(actor: Actor, problemId: string): Promise<MeasureListDto> {
  authorize(actor, "problem.read");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id: problemId }, problemScope(actor)] },
    select: {
      progress: true,
      colour: true,
      measures: { orderBy: [{ seq: "asc" }, { createdAt: "asc" }], include: measureInclude },
    },
  });
  if (!problem) throw new NotFound("Problem not found");
  return {
    items: problem.measures.map((m) => toMeasureDetailDto(m, problem)),
    problemProgress: problem.progress,
    problemColour: problem.colour,
  };
}
