import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { colourGrade } from "../../domain/colour";
import { weightedProgress } from "../../domain/progress";
import type { Settings } from "../../domain/settings";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type ProblemCreateInput, type ProblemDto, problemCreateSchema } from "../../schemas/problem";
import { writeAudit, writeAudits } from "../audit/write-audit";
import { getSettings } from "../settings/get-settings";
import { refreshDerived } from "../workflow/refresh-derived";
import { auditSnapshot, problemWithMeasuresInclude, toProblemDto } from "./problem-dto";
import { resolveReferences } from "./resolve-references";

/** Next free ledger code of the year, e.g. WX-2026-0007. */
export async function nextProblemCode(tx: Tx, year: number): Promise<string> {
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

export type InsertProblemOptions = {
  requestId?: string;
  /** Measures an import brings with the problem, in order. */
  measures?: readonly string[];
  /** The audit action (default `create`; the ledger import writes `import`). */
  auditAction?: string;
  /** The thresholds in force, when the caller read them already (an import of many rows). */
  settings?: Settings;
  /** The enterprise of the register the problem is about (a case, a hazard). */
  enterpriseId?: string | null;
};

/**
 * The write of a registration, inside the caller's transaction, once the references are known to
 * exist: the row (with its measures, when an import brings them), its derived colour and its
 * audit row. Shared by the form, the API, the ledger import and the modules that open problems
 * (cases, hazards, self-review findings), so the rules stay one.
 */
export async function insertProblem(
  tx: Tx,
  actor: Actor,
  input: ProblemCreateInput & { code: string },
  districtId: string,
  opts: InsertProblemOptions = {},
) {
  const created = await tx.problem.create({
    data: {
      ...problemRow(actor, input, districtId, opts.enterpriseId),
      coUnits: { create: input.coUnitIds.map((unitId) => ({ unitId })) },
      ...(opts.measures?.length && {
        measures: { create: opts.measures.map((description, i) => ({ seq: i + 1, description })) },
      }),
    },
    include: problemWithMeasuresInclude,
  });
  // A deadline already past registers as RED.
  const { colour } = await refreshDerived(tx, created.id, undefined, opts.settings);
  created.colour = colour;
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Problem",
    entityId: created.id,
    action: opts.auditAction ?? "create",
    after: auditSnapshot(created),
    requestId: opts.requestId,
  });
  return created;
}

function problemRow(
  actor: Actor,
  input: ProblemCreateInput & { code: string },
  districtId: string,
  enterpriseId: string | null | undefined,
) {
  return {
    code: input.code,
    title: input.title,
    description: input.description,
    source: input.source,
    round: input.round ?? null,
    category: input.category,
    districtId,
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
    createdById: actor.id,
    enterpriseId: enterpriseId ?? null,
  };
}

export type ProblemToInsert = {
  input: ProblemCreateInput & { code: string };
  districtId: string;
  measures: readonly string[];
};

/** Problems written per statement by `insertProblems` (well under PostgreSQL's 65 535 parameters). */
const INSERT_BATCH = 500;

/**
 * The same write as `insertProblem` for many problems at once (the ledger import): a few
 * multi-row statements per 500 problems instead of several queries per problem. Same rows, same
 * derived colour and progress (computed by the same rules before the insert, as `refreshDerived`
 * would), one audit row per problem with the same snapshot. Ids are made here so the co-units,
 * measures and audit rows can be written in batches too. Returns the new ids in input order.
 */
export async function insertProblems(
  tx: Tx,
  actor: Actor,
  items: readonly ProblemToInsert[],
  opts: Omit<InsertProblemOptions, "measures" | "enterpriseId"> & {
    settings: Settings;
    now?: Date;
    onBatch?: (done: number) => void;
  },
): Promise<string[]> {
  const today = bureauToday(opts.now ?? new Date());
  const ids: string[] = [];
  for (let start = 0; start < items.length; start += INSERT_BATCH) {
    const batch = items.slice(start, start + INSERT_BATCH).map((item) => ({ ...item, id: randomUUID() }));
    const rows = batch.map(({ id, input, districtId, measures }) => {
      const row = problemRow(actor, input, districtId, null);
      const progress = weightedProgress(measures.map(() => ({ percent: 0, weight: 1 })));
      const { colour } = colourGrade(
        {
          status: "REGISTERED",
          deadline: row.deadline,
          startDate: null,
          progress,
          returnCount: 0,
          openMeasures: measures.length,
        },
        today,
        opts.settings,
      );
      return { id, ...row, deadline: input.deadline ?? null, progress, colour };
    });
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    // One multi-row INSERT per column array (unnest): the cost of a statement, not of 500 row objects.
    await tx.$executeRaw`
      INSERT INTO "Problem" (id, code, title, description, source, round, category, "districtId", "locationText",
        lat, lng, "leadOfficialId", "leadUnitId", "acceptanceUnitId", "responsiblePerson", "responsiblePhone", target,
        "deadlineBand", deadline, "createdById", "enterpriseId", progress, colour, "updatedAt")
      SELECT u.*, now() FROM unnest(
        ${col("id")}::uuid[], ${col("code")}::text[], ${col("title")}::text[], ${col("description")}::text[],
        ${col("source")}::"ProblemSource"[], ${col("round")}::text[], ${col("category")}::"ProblemCategory"[],
        ${col("districtId")}::uuid[], ${col("locationText")}::text[], ${rows.map((r) => (r.lat === null ? null : String(r.lat)))}::numeric[],
        ${rows.map((r) => (r.lng === null ? null : String(r.lng)))}::numeric[], ${col("leadOfficialId")}::uuid[],
        ${col("leadUnitId")}::uuid[], ${col("acceptanceUnitId")}::uuid[], ${col("responsiblePerson")}::text[],
        ${col("responsiblePhone")}::text[], ${col("target")}::text[], ${col("deadlineBand")}::"DeadlineBand"[],
        ${col("deadline")}::date[], ${col("createdById")}::uuid[], ${col("enterpriseId")}::uuid[], ${col("progress")}::int[],
        ${col("colour")}::"Colour"[]) AS u`;
    const coUnits = batch.flatMap(({ id, input }) => input.coUnitIds.map((unitId) => ({ problemId: id, unitId })));
    if (coUnits.length) {
      await tx.$executeRaw`
        INSERT INTO "ProblemCoUnit" ("problemId", "unitId")
        SELECT * FROM unnest(${coUnits.map((c) => c.problemId)}::uuid[], ${coUnits.map((c) => c.unitId)}::uuid[])`;
    }
    const measures = batch.flatMap(({ id, measures }) =>
      measures.map((description, i) => ({ problemId: id, seq: i + 1, description })),
    );
    if (measures.length) {
      await tx.$executeRaw`
        INSERT INTO "Measure" (id, "problemId", seq, description, "updatedAt")
        SELECT gen_random_uuid(), u.*, now() FROM unnest(${measures.map((m) => m.problemId)}::uuid[],
          ${measures.map((m) => m.seq)}::int[], ${measures.map((m) => m.description)}::text[]) AS u`;
    }
    // The audit snapshot is read back from the database, exactly as the single registration writes it.
    const written = new Map(
      (await tx.problem.findMany({ where: { id: { in: batch.map((b) => b.id) } }, include: problemWithMeasuresInclude })).map(
        (p) => [p.id, p],
      ),
    );
    await writeAudits(
      tx,
      batch.map(({ id }) => ({
        actorId: actor.id,
        entityType: "Problem",
        entityId: id,
        action: opts.auditAction ?? "create",
        after: auditSnapshot(written.get(id) as NonNullable<ReturnType<typeof written.get>>),
        requestId: opts.requestId,
      })),
    );
    ids.push(...batch.map((b) => b.id));
    opts.onBatch?.(ids.length);
  }
  return ids;
}

/**
 * The registration inside the caller's transaction (no authorization: the caller has authorized),
 * so another use case can register a problem and link it in one transaction: resolves the
 * references, takes the next code, writes the row and its audit.
 */
export async function createProblemInTx(
  tx: Tx,
  actor: Actor,
  input: ProblemCreateInput,
  opts: { locale?: Locale; requestId?: string; enterpriseId?: string | null } = {},
): Promise<ProblemDto> {
  const { districtId } = await resolveReferences(tx, input, opts.locale);
  const code = input.code ?? (await nextProblemCode(tx, bureauToday().getUTCFullYear()));
  const settings = await getSettings(tx);
  const created = await insertProblem(tx, actor, { ...input, code }, districtId as string, {
    requestId: opts.requestId,
    settings,
    enterpriseId: opts.enterpriseId,
  });
  return toProblemDto(created, undefined, { actor, settings, locale: opts.locale });
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
      return await db.$transaction((tx) => createProblemInTx(tx, actor, input, opts));
    } catch (e) {
      if (isUniqueViolation(e, "code")) {
        if (input.code) throw new Invalid({ code: [localizeMessage("v.duplicateCode", opts.locale ?? "en")] });
        if (attempt < 4) continue;
      }
      throw e;
    }
  }
}
