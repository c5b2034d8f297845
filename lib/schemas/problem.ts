import { z } from "zod";
import { COLOURS } from "../domain/colour";
import { DEADLINE_BANDS, MEASURE_STATUSES, PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUSES } from "../domain/enums";
import { colourReasonSchema } from "./colour-reason";
import {
  calendarDate,
  clearableText,
  emptyToUndefined,
  isStorableText,
  kindError,
  optionalText,
  pageQuery,
  requiredOr,
  requiredText,
  strictNumberInput,
  uuid,
} from "./common";
import { workflowActionEnum } from "./workflow";

const choice = { error: requiredOr("v.invalidOption") };
export const sourceEnum = z.enum(PROBLEM_SOURCES, choice);
export const categoryEnum = z.enum(PROBLEM_CATEGORIES, choice);
export const bandEnum = z.enum(DEADLINE_BANDS, choice);
export const statusEnum = z.enum(PROBLEM_STATUSES);
export const measureStatusEnum = z.enum(MEASURE_STATUSES);
export const colourEnum = z.enum(COLOURS);
export const escalationEnum = z.enum(["NONE", "REMINDED", "YELLOW", "RED"]);

const PHONE = /^[0-9+\-() ]{5,20}$/;
const phone = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z.string().regex(PHONE, "v.phone").optional(),
);
const clearablePhone = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
  z.string().regex(PHONE, "v.phone").nullable().optional(),
);

/** A coordinate; "" or null clears it (an edit may remove a wrong location). */
const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? null : strictNumberInput(v)),
    z
      .number({ error: kindError("v.invalidNumber") })
      .min(min)
      .max(max)
      .nullable()
      .optional(),
  );

const coUnitIds = z
  .array(uuid)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, "v.coUnitsDuplicate");

/** Fields a person edits on a ledger row. Status, progress, version and ids are never taken from here. */
const problemFields = {
  code: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(40)
      .regex(/^[A-Za-z0-9\u4e00-\u9fa5\-_]+$/)
      .optional(),
  ),
  title: requiredText(200),
  description: requiredText(5000),
  source: sourceEnum,
  round: optionalText(100),
  category: categoryEnum,
  districtCode: z.string({ error: requiredOr("v.unknownDistrict") }).regex(/^\d{6}$/, { error: requiredOr("v.unknownDistrict") }),
  locationText: optionalText(300),
  lat: coordinate(-90, 90),
  lng: coordinate(-180, 180),
  leadOfficialId: z.preprocess((v) => (v === "" ? null : v), uuid.nullable().optional()),
  leadUnitId: z.uuid({ error: requiredOr("v.unknownUnit") }),
  coUnitIds: coUnitIds.default([]),
  acceptanceUnitId: z.preprocess((v) => (v === "" ? null : v), uuid.nullable().optional()),
  responsiblePerson: optionalText(50),
  responsiblePhone: phone,
  target: optionalText(2000),
  deadlineBand: bandEnum,
  deadline: z.preprocess((v) => (v === "" ? null : v), calendarDate.nullable().optional()),
};

function checkPairs(
  v: { lat?: number | null; lng?: number | null; deadlineBand?: string; deadline?: string | null },
  ctx: z.RefinementCtx,
  partial: boolean,
) {
  // Both or neither: a point needs both coordinates, and clearing one clears the other.
  const latMissing = v.lat === undefined || v.lat === null;
  const lngMissing = v.lng === undefined || v.lng === null;
  if (latMissing !== lngMissing || (v.lat === undefined) !== (v.lng === undefined)) {
    ctx.addIssue({ code: "custom", path: [latMissing ? "lat" : "lng"], message: "v.latLngPair" });
  }
  if (!partial && v.deadlineBand) {
    if (v.deadlineBand === "ONGOING" && v.deadline) {
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "v.deadlineNotForOngoing" });
    }
    if (v.deadlineBand !== "ONGOING" && !v.deadline) {
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "v.deadlineRequired" });
    }
  }
}

export const problemCreateSchema = z
  .strictObject(problemFields)
  .superRefine((v, ctx) => checkPairs(v, ctx, false))
  .meta({ id: "ProblemCreate" });
export type ProblemCreateInput = z.output<typeof problemCreateSchema>;

/**
 * An edit: any subset of the fields plus the version the editor saw. Optional text may be emptied
 * ("" → null); co-units have no default, so an edit that omits them leaves them alone.
 */
const updateFields = {
  ...problemFields,
  coUnitIds,
  round: clearableText(100),
  locationText: clearableText(300),
  responsiblePerson: clearableText(50),
  responsiblePhone: clearablePhone,
  target: clearableText(2000),
};

export const problemUpdateSchema = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(updateFields).map(([k, s]) => [k, (s as z.ZodType).optional()])) as {
      [K in keyof typeof updateFields]: z.ZodOptional<(typeof updateFields)[K]>;
    }),
    version: z.preprocess(strictNumberInput, z.number().int().min(1).max(2_147_483_647)),
  })
  .superRefine((v, ctx) => checkPairs(v, ctx, true))
  .meta({ id: "ProblemUpdate" });
export type ProblemUpdateInput = z.output<typeof problemUpdateSchema>;

/** Sort keys in the order the ledger offers them; "urgency" (open first, earliest deadline first) is the default. */
export const PROBLEM_SORTS = [
  "urgency",
  "deadline",
  "-deadline",
  "code",
  "-code",
  "updatedAt",
  "-updatedAt",
  "createdAt",
  "-createdAt",
  "progress",
  "-progress",
  "district",
  "-district",
] as const;

export const DEFAULT_PROBLEM_SORT = "urgency";

/** "RED,YELLOW" or ["RED", "YELLOW"] → ["RED", "YELLOW"]; empty → undefined. Order kept, repeats dropped. */
function colourList(v: unknown): unknown {
  const parts = (Array.isArray(v) ? v : typeof v === "string" ? [v] : v === undefined || v === null ? [] : [v]).flatMap((x) =>
    typeof x === "string" ? x.split(",").map((s) => s.trim().toUpperCase()) : [x],
  );
  const kept = parts.filter((x) => x !== "");
  return kept.length ? [...new Set(kept)] : undefined;
}

const boolText = z.enum(["true", "false"]).transform((v) => v === "true");

export const problemListQuerySchema = z
  .strictObject({
    districtCode: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
    ),
    status: z.preprocess(emptyToUndefined, statusEnum.optional()),
    source: z.preprocess(emptyToUndefined, sourceEnum.optional()),
    category: z.preprocess(emptyToUndefined, categoryEnum.optional()),
    leadOfficialId: z.preprocess(emptyToUndefined, uuid.optional()),
    leadUnitId: z.preprocess(emptyToUndefined, uuid.optional()),
    deadlineBand: z.preprocess(emptyToUndefined, bandEnum.optional()),
    overdue: z.preprocess(emptyToUndefined, boolText.optional()),
    /** Colour grades, comma-separated or repeated: `colour=RED,YELLOW` or `colour=RED&colour=YELLOW`. */
    colour: z.preprocess(colourList, z.array(colourEnum, choice).max(COLOURS.length).optional()),
    q: z.preprocess(emptyToUndefined, z.string().trim().max(100).refine(isStorableText, "v.invalidText").optional()),
    sort: z.preprocess(emptyToUndefined, z.enum(PROBLEM_SORTS).default(DEFAULT_PROBLEM_SORT)),
    ...pageQuery,
  })
  .meta({ id: "ProblemListQuery" });
export type ProblemListQuery = z.output<typeof problemListQuerySchema>;

export const measureSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    description: z.string(),
    ownerUnitId: z.uuid().nullable(),
    ownerUnitName: z.string().nullable(),
    ownerPerson: z.string().nullable(),
    milestone: z.string().nullable(),
    status: measureStatusEnum,
    percent: z.number().int(),
    weight: z.number().int(),
    completedAt: z.string().nullable().meta({ format: "date-time" }),
    version: z.number().int(),
  })
  .meta({ id: "Measure" });

/** One step the caller may take now, and the route that takes it. */
export const allowedActionSchema = z
  .object({
    action: workflowActionEnum,
    method: z.literal("POST"),
    href: z.string().meta({ description: "The route; `{objectionId}` (objection decisions) is filled from the closure record." }),
  })
  .meta({ id: "AllowedAction" });

/** The problem as the API returns it. */
export const problemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    source: sourceEnum,
    round: z.string().nullable(),
    category: categoryEnum,
    districtCode: z.string(),
    districtName: z.string(),
    locationText: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    status: statusEnum,
    deadlineBand: bandEnum,
    deadline: z.string().nullable().meta({ format: "date" }),
    leadOfficialId: z.uuid().nullable(),
    leadOfficialName: z.string().nullable(),
    leadUnitId: z.uuid(),
    leadUnitName: z.string(),
    coUnitIds: z.array(z.uuid()),
    acceptanceUnitId: z.uuid().nullable(),
    responsiblePerson: z.string().nullable(),
    responsiblePhone: z.string().nullable(),
    target: z.string().nullable(),
    progress: z.number().int(),
    /** Colour grade as last computed: BLUE closed, GREEN on pace, YELLOW behind pace or due soon, RED overdue or returned twice. */
    colour: colourEnum,
    /** Why it has that colour: the deciding rule and its numbers (ledger and single-problem responses). */
    colourReason: colourReasonSchema.optional(),
    /** Planned pace (序时进度): share of the time from assignment to deadline elapsed today; null before assignment or without a deadline. */
    plannedPercent: z.number().int().nullable(),
    originalDeadline: z.string().nullable().meta({ format: "date" }),
    extensionCount: z.number().int(),
    returnCount: z.number().int(),
    escalation: escalationEnum,
    overdue: z.boolean(),
    overdueDays: z.number().int(),
    relapse: z.boolean(),
    version: z.number().int(),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
    measures: z.array(measureSchema).optional(),
    /**
     * The workflow steps the caller may take now, each with the route to call: bare transitions on
     * /problems/{id}/transitions, closure steps on their own routes (single-problem responses only;
     * plan decisions are taken on the plan).
     */
    allowedActions: z.array(allowedActionSchema).optional(),
  })
  .meta({ id: "Problem" });
export type ProblemDto = z.output<typeof problemSchema>;

export const problemPageSchema = z
  .object({ items: z.array(problemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "ProblemPage" });

/** What an id in the history names (see `HistoryRef`). */
export const historyRefSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("measure"), seq: z.number().int(), description: z.string() }),
    z.object({ type: z.literal("evidence"), kind: z.string(), name: z.string() }),
    z.object({ type: z.literal("plan"), versionNo: z.number().int() }),
    z.object({ type: z.literal("report"), percent: z.number().int(), at: z.string().meta({ format: "date-time" }) }),
    z.object({
      type: z.literal("extension"),
      from: z.string().meta({ format: "date" }),
      to: z.string().meta({ format: "date" }),
    }),
    z.object({ type: z.literal("unit"), name: z.string() }),
    z.object({ type: z.literal("user"), name: z.string() }),
  ])
  .meta({ id: "HistoryRef" });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().meta({ format: "date-time" }),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string().meta({
      description:
        "Problem, Measure, Evidence, RectificationFinding, RectificationPlan (submitted), ProgressReport or Extension (requested).",
    }),
    subject: historyRefSchema
      .nullable()
      .meta({ description: "The record the entry is about, by name (null for the problem itself)." }),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: "AuditEntry" });

/** GET /problems/{id}/history: the entries and, for every id they mention, what it names. */
export const problemHistorySchema = z
  .object({ items: z.array(auditEntrySchema), refs: z.record(z.string(), historyRefSchema) })
  .meta({ id: "ProblemHistory" });
