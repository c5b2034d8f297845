import { z } from "zod";
import { INCIDENT_LEVELS, INCIDENT_TYPES } from "../domain/incidents";
import { RATING_MAX, RATING_MIN, SELF_REVIEW_QUESTIONS, SHEET_STATUSES } from "../domain/self-review";
import {
  checkCalendarDate,
  emptyToUndefined,
  kindError,
  optionalText,
  requiredOr,
  requiredText,
  strictNumberInput,
  uuid,
} from "./common";
import { versionField } from "./measure";
import { bandEnum, categoryEnum } from "./problem";

const choice = { error: requiredOr("v.invalidOption") };
export const questionEnum = z.enum(SELF_REVIEW_QUESTIONS, choice);
const dateField = z
  .string({ error: requiredOr("v.invalidDate") })
  .superRefine(checkCalendarDate)
  .meta({ format: "date", example: "2026-12-31" });
const districtCode = z
  .string({ error: requiredOr("v.unknownDistrict") })
  .regex(/^\d{6}$/, { error: requiredOr("v.unknownDistrict") });

/** A coordinator opens a round: what, for which period, due when, which units answer. */
export const roundCreateSchema = z
  .strictObject({
    title: requiredText(200),
    period: requiredText(100),
    dueOn: dateField,
    unitIds: z
      .array(uuid, { error: requiredOr("reflectValidation.unitsRequired") })
      .min(1, "reflectValidation.unitsRequired")
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, "v.duplicate"),
  })
  .meta({ id: "SelfReviewRoundCreate" });
export type RoundCreateInput = z.output<typeof roundCreateSchema>;

/** Closing a round: no more answers, comments or returns. */
export const roundCloseSchema = z.strictObject({ version: versionField }).meta({ id: "SelfReviewRoundClose" });

const rating = z.preprocess(
  (v) => (v === "" ? null : strictNumberInput(v)),
  z
    .number({ error: "reflectValidation.ratingRange" })
    .int("reflectValidation.ratingRange")
    .min(RATING_MIN, "reflectValidation.ratingRange")
    .max(RATING_MAX, "reflectValidation.ratingRange")
    .nullable(),
);
/** Draft text: may be empty (null and absent too), trimmed, storable, no text-direction controls. */
const draftText = (max: number) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : v), optionalText(max)).transform((v) => v ?? "");

/** One answer as a draft: every part may still be empty; submitting checks completeness. */
export const answerDraftSchema = z
  .strictObject({
    question: questionEnum,
    rating: rating.default(null),
    found: draftText(3000),
    willDo: draftText(3000),
  })
  .meta({ id: "SelfReviewAnswerDraft" });

/** A unit saves its draft (any subset of the eight answers) with the version it saw. */
export const sheetSaveSchema = z
  .strictObject({
    version: versionField,
    answers: z
      .array(answerDraftSchema)
      .max(SELF_REVIEW_QUESTIONS.length)
      .refine((as) => new Set(as.map((a) => a.question)).size === as.length, "v.duplicate"),
  })
  .meta({ id: "SelfReviewSheetSave" });
export type SheetSaveInput = z.output<typeof sheetSaveSchema>;

export const sheetSubmitSchema = z.strictObject({ version: versionField }).meta({ id: "SelfReviewSheetSubmit" });

/** A leader sends answers back: which ones and why. */
export const sheetReturnSchema = z
  .strictObject({
    version: versionField,
    questions: z
      .array(questionEnum)
      .min(1, "reflectValidation.questionsRequired")
      .max(SELF_REVIEW_QUESTIONS.length)
      .refine((qs) => new Set(qs).size === qs.length, "v.duplicate"),
    reason: requiredText(1000),
  })
  .meta({ id: "SelfReviewSheetReturn" });
export type SheetReturnInput = z.output<typeof sheetReturnSchema>;

/** A leader's comment on a unit's submitted answers. */
export const sheetCommentSchema = z
  .strictObject({ version: versionField, comment: requiredText(2000) })
  .meta({ id: "SelfReviewSheetComment" });

/** A finding becomes a SELF_CHECK ledger problem. */
export const raiseProblemSchema = z
  .strictObject({
    question: questionEnum,
    title: optionalText(200),
    category: categoryEnum,
    deadlineBand: bandEnum,
    deadline: z.preprocess((v) => (v === "" ? null : v), dateField.nullable().optional()),
    /** Required when the answering unit has no district of its own (a division). */
    districtCode: z.preprocess(emptyToUndefined, districtCode.optional()),
  })
  .meta({ id: "SelfReviewRaiseProblem" });
export type RaiseProblemInput = z.output<typeof raiseProblemSchema>;

const instant = z.string().meta({ format: "date-time" });
const date = z.string().meta({ format: "date" });

export const answerSchema = z
  .object({
    question: questionEnum,
    rating: z.number().int().nullable(),
    found: z.string(),
    willDo: z.string(),
    returned: z.boolean(),
    problem: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  })
  .meta({ id: "SelfReviewAnswer" });

export const sheetSchema = z
  .object({
    id: z.uuid(),
    roundId: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string(), districtId: z.uuid().nullable() }),
    status: z.enum(SHEET_STATUSES),
    late: z.boolean(),
    submittedAt: instant.nullable(),
    leaderComment: z.string().nullable(),
    commentedBy: z.string().nullable(),
    commentedAt: instant.nullable(),
    returnReason: z.string().nullable(),
    returnedBy: z.string().nullable(),
    returnedAt: instant.nullable(),
    returnCount: z.number().int(),
    version: z.number().int(),
    answers: z.array(answerSchema),
    round: z.object({ id: z.uuid(), title: z.string(), period: z.string(), dueOn: date, status: z.enum(["OPEN", "CLOSED"]) }),
  })
  .meta({ id: "SelfReviewSheet" });
export type SheetDto = z.output<typeof sheetSchema>;

export const roundSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    period: z.string(),
    dueOn: date,
    status: z.enum(["OPEN", "CLOSED"]),
    isDemo: z.boolean(),
    version: z.number().int(),
    units: z.number().int(),
    submitted: z.number().int(),
    late: z.number().int(),
    createdAt: instant,
  })
  .meta({ id: "SelfReviewRoundSummary" });
export type RoundSummaryDto = z.output<typeof roundSummarySchema>;

export const roundSchema = roundSummarySchema
  .extend({
    sheets: z.array(
      z.object({
        id: z.uuid(),
        unit: z.object({ id: z.uuid(), name: z.string() }),
        status: z.enum(SHEET_STATUSES),
        late: z.boolean(),
        submittedAt: instant.nullable(),
        ratings: z.record(z.string(), z.number().int().nullable()),
        mean: z.number().nullable(),
        leaderComment: z.string().nullable(),
        returnCount: z.number().int(),
        /** How many of the sheet's findings were raised as ledger problems. */
        raisedProblems: z.number().int(),
      }),
    ),
  })
  .meta({ id: "SelfReviewRound" });
export type RoundDto = z.output<typeof roundSchema>;

/** A round's results as a file: the round is the path's; the page has no filters, so any other parameter is refused. */
export const roundExportQuerySchema = z.strictObject({ roundId: z.string() }).meta({ id: "SelfReviewRoundExportQuery" });

// ── incidents ──

export const incidentTypeEnum = z.enum(INCIDENT_TYPES, choice);
export const incidentLevelEnum = z.enum(INCIDENT_LEVELS, choice);

export const incidentCreateSchema = z
  .strictObject({
    occurredOn: dateField,
    title: requiredText(200),
    districtCode,
    enterpriseId: z.preprocess(emptyToUndefined, uuid.optional()),
    type: incidentTypeEnum,
    level: incidentLevelEnum,
    cause: requiredText(3000),
    response: requiredText(3000),
    problemIds: z
      .array(uuid)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, "v.duplicate")
      .default([]),
  })
  .meta({ id: "IncidentCreate" });
export type IncidentCreateInput = z.output<typeof incidentCreateSchema>;

export const incidentListQuerySchema = z
  .strictObject({
    year: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(2000)
        .max(2100)
        .optional(),
    ),
    month: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(1)
        .max(12)
        .optional(),
    ),
    districtCode: z.preprocess(emptyToUndefined, districtCode.optional()),
    level: z.preprocess(emptyToUndefined, incidentLevelEnum.optional()),
  })
  .meta({ id: "IncidentListQuery" });
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

export const incidentSchema = z
  .object({
    id: z.uuid(),
    occurredOn: date,
    title: z.string(),
    district: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    enterprise: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    type: incidentTypeEnum,
    level: incidentLevelEnum,
    cause: z.string(),
    response: z.string(),
    problems: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
    /** Linked problems outside the reader's scope (kept on edit, not shown). */
    hiddenProblems: z.number().int(),
    isDemo: z.boolean(),
    version: z.number().int(),
    createdAt: instant,
  })
  .meta({ id: "Incident" });
export type IncidentDto = z.output<typeof incidentSchema>;

export const incidentPageSchema = z
  .object({
    items: z.array(incidentSchema),
    year: z.number().int(),
    monthly: z.array(z.object({ month: z.number().int(), thisYear: z.number().int().nullable(), lastYear: z.number().int() })),
    thisYear: z.number().int(),
    lastYearSamePeriod: z.number().int(),
  })
  .meta({ id: "IncidentPage" });
export type IncidentPage = z.output<typeof incidentPageSchema>;
