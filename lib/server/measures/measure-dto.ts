import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import type { ColourName } from "../../domain/colour";
import { type FieldErrors, Invalid, NotFound } from "../../errors";
import type { Actor } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { MeasureDetailDto } from "../../schemas/measure";
import { type Locale, localizeMessage } from "../../schemas/parse";
import { problemScope } from "../problems/scope";

export const measureInclude = { ownerUnit: { select: { name: true } } } satisfies Prisma.MeasureInclude;
export type MeasureRow = Prisma.MeasureGetPayload<{ include: typeof measureInclude }>;

export function toMeasureDetailDto(m: MeasureRow, problem: { progress: number; colour: ColourName }): MeasureDetailDto {
  return {
    id: m.id,
    problemId: m.problemId,
    seq: m.seq,
    description: m.description,
    ownerUnitId: m.ownerUnitId,
    ownerUnitName: m.ownerUnit?.name ?? null,
    ownerPerson: m.ownerPerson,
    milestone: m.milestone ? formatCalendarDate(m.milestone) : null,
    status: m.status,
    percent: m.percent,
    weight: m.weight,
    completedAt: m.completedAt?.toISOString() ?? null,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    problemProgress: problem.progress,
    problemColour: problem.colour,
  };
}

/** What the audit log keeps of a measure; `problemId` lets the problem's history find it even after a delete. */
export function measureSnapshot(m: MeasureRow) {
  return {
    problemId: m.problemId,
    seq: m.seq,
    description: m.description,
    ownerUnitId: m.ownerUnitId,
    ownerPerson: m.ownerPerson,
    milestone: m.milestone ? formatCalendarDate(m.milestone) : null,
    status: m.status,
    percent: m.percent,
    weight: m.weight,
    completedAt: m.completedAt?.toISOString() ?? null,
    version: m.version,
  };
}

/**
 * Takes the problem's row lock for the rest of the transaction. Every write to a problem's
 * measures, reports and extensions takes it first, so they run one after another per problem
 * (no duplicate sequence numbers, no two pending extensions) and always lock in the same order.
 */
export async function lockProblem(tx: Tx, problemId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Problem" WHERE id = ${problemId}::uuid FOR UPDATE`;
}

export const problemForMeasures = {
  id: true,
  status: true,
  leadUnitId: true,
  districtId: true,
  progress: true,
  colour: true,
} satisfies Prisma.ProblemSelect;
export type ProblemForMeasures = Prisma.ProblemGetPayload<{ select: typeof problemForMeasures }>;

/** Locks a problem the caller may see, for the rest of the transaction; unknown or out of scope → 404 alike. */
export async function lockVisibleProblemId(tx: Tx, actor: Actor, problemId: string): Promise<void> {
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const visible = await tx.problem.findFirst({ where: { AND: [{ id: problemId }, problemScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFound("Problem not found");
  await lockProblem(tx, problemId);
}

/** A visible problem, locked for the transaction, as the measure rules need it (read after the lock). */
export async function lockVisibleProblem(tx: Tx, actor: Actor, problemId: string): Promise<ProblemForMeasures> {
  await lockVisibleProblemId(tx, actor, problemId);
  return tx.problem.findUniqueOrThrow({ where: { id: problemId }, select: problemForMeasures });
}

/**
 * A measure of a visible problem with that problem locked (the measure read after the lock, so its
 * version is current); unknown or out of scope → 404 alike.
 */
export async function lockVisibleMeasure(
  tx: Tx,
  actor: Actor,
  measureId: string,
): Promise<{ measure: MeasureRow; problem: ProblemForMeasures }> {
  if (!isUuid(measureId)) throw new NotFound("Measure not found");
  const found = await tx.measure.findFirst({
    where: { id: measureId, problem: problemScope(actor) },
    select: { problemId: true },
  });
  if (!found) throw new NotFound("Measure not found");
  await lockProblem(tx, found.problemId);
  const measure = await tx.measure.findUnique({ where: { id: measureId }, include: measureInclude });
  // Deleted while we waited for the lock.
  if (!measure) throw new NotFound("Measure not found");
  const problem = await tx.problem.findUniqueOrThrow({ where: { id: found.problemId }, select: problemForMeasures });
  return { measure, problem };
}

/** Refusal of a change the problem's status does not allow (422), naming the status. */
export function readOnlyMeasures(locale: Locale): Invalid {
  return new Invalid({ status: [localizeMessage("v.measuresReadOnly", locale)] }, "Measures are read-only in this status");
}

/** Checks that an owner unit exists and is active (422 on `ownerUnitId` otherwise). */
export async function checkOwnerUnit(tx: Tx, ownerUnitId: string | null | undefined, locale: Locale): Promise<void> {
  if (!ownerUnitId) return;
  const unit = await tx.unit.findFirst({ where: { id: ownerUnitId, active: true }, select: { id: true } });
  if (!unit) {
    const fields: FieldErrors = { ownerUnitId: [localizeMessage("v.unknownUnit", locale)] };
    throw new Invalid(fields);
  }
}
