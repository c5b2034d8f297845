import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { Locale } from "../../schemas/parse";
import type { ProblemDto } from "../../schemas/problem";
import { checklistOf } from "../closure/get-closure-checklist";
import { getSettings } from "../settings/get-settings";
import { problemWithMeasuresInclude, toProblemDto } from "./problem-dto";
import { problemScope } from "./scope";

/** One problem with its measures and the workflow actions the caller may take (closure materials read for the acceptance gate); out of scope or unknown → 404 alike. */
export async function getProblem(actor: Actor, id: string, opts: { now?: Date; locale?: Locale } = {}): Promise<ProblemDto> {
  authorize(actor, "problem.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const row = await db.problem.findFirst({ where: { AND: [{ id }, problemScope(actor)] }, include: problemWithMeasuresInclude });
  if (!row) throw new NotFound("Problem not found");
  const [checklist, settings] = await Promise.all([checklistOf(db, row), getSettings()]);
  return toProblemDto(row, opts.now, { actor, checklist, settings, locale: opts.locale });
}
