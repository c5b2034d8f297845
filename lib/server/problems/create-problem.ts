import { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type ProblemCreateInput, type ProblemDto, problemCreateSchema } from "../../schemas/problem";
import { writeAudit } from "../audit/write-audit";
import { refreshDerived } from "../workflow/refresh-derived";
import { auditSnapshot, problemWithMeasuresInclude, toProblemDto } from "./problem-dto";
import { resolveReferences } from "./resolve-references";

/** Next free ledger code of the year, e.g. WX-2026-0007. */
async function nextProblemCode(tx: Tx, year: number): Promise<string> {
  const prefix = `WX-${year}-`;
  const last = await tx.problem.findFirst({
    where: { code: { startsWith: prefix } },
    orderBy: { code: "desc" },
    select: { code: true },
  });
  const seq = last ? Number.parseInt(last.code.slice(prefix.length), 10) || 0 : 0;
  return `${prefix}${String(seq + 1).padStart(4, "0")}`;
}

export function isUniqueViolation(e: unknown, field: string): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && JSON.stringify(e.meta ?? {}).includes(field);
}

/**
 * The core of registration, inside the caller's transaction: resolves the references, numbers the
 * problem, writes it (status REGISTERED), derives its colour and writes its audit row. Callers
 * that register problems as part of a larger change (hazards turned into problems) use it so the
 * whole change commits or not at all; a clash of generated codes surfaces as a unique violation.
 */
export async function insertProblem(
  tx: Tx,
  actor: Actor,
  input: ProblemCreateInput,
  opts: { locale?: Locale; requestId?: string; enterpriseId?: string | null } = {},
): Promise<ProblemDto> {
  const { districtId } = await resolveReferences(tx, input, opts.locale);
  const code = input.code ?? (await nextProblemCode(tx, bureauToday().getUTCFullYear()));
  const created = await tx.problem.create({
    data: {
      code,
      title: input.title,
      description: input.description,
      source: input.source,
      round: input.round ?? null,
      category: input.category,
      districtId: districtId as string,
      locationText: input.locationText ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      leadOfficialId: input.leadOfficialId ?? null,
      leadUnitId: input.leadUnitId,
      acceptanceUnitId: input.acceptanceUnitId ?? null,
      responsiblePerson: input.responsiblePerson ?? null,
      responsiblePhone: input.responsiblePhone ?? null,
      target: input.target ?? null,
      deadlineBand: input.deadlineBand,
      deadline: input.deadline ? parseCalendarDate(input.deadline) : null,
      enterpriseId: opts.enterpriseId ?? null,
      createdById: actor.id,
      coUnits: { create: input.coUnitIds.map((unitId) => ({ unitId })) },
    },
    include: problemWithMeasuresInclude,
  });
  // A deadline already past registers as RED.
  const { colour } = await refreshDerived(tx, created.id);
  created.colour = colour;
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Problem",
    entityId: created.id,
    action: "create",
    after: auditSnapshot(created),
    requestId: opts.requestId,
  });
  return toProblemDto(created, undefined, { actor });
}

/** Registers a problem in the ledger (status REGISTERED) and writes its first audit row. */
export async function createProblem(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<ProblemDto> {
  authorize(actor, "problem.create");
  const input = parseInput(problemCreateSchema, raw, opts.locale);
  // A generated code can race with a parallel registration; retry with the next number.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => insertProblem(tx, actor, input, opts));
    } catch (e) {
      if (isUniqueViolation(e, "code")) {
        if (input.code) throw new Invalid({ code: [localizeMessage("v.duplicateCode", opts.locale ?? "en")] });
        if (attempt < 4) continue;
      }
      throw e;
    }
  }
}
