import { z } from "zod";
import { checkCalendarDate, emptyToUndefined, optionalText, pageQuery, requiredOr, requiredText, uuid } from "./common";
import { versionField } from "./measure";

export const EXTENSION_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
export const EXTENSION_DECISIONS = ["APPROVE", "REJECT"] as const;
export const extensionStatusEnum = z.enum(EXTENSION_STATUSES, { error: requiredOr("v.invalidOption") });

/** A request for more time (延期): the new deadline and why. The old deadline is taken from the problem. */
export const extensionRequestSchema = z
  .strictObject({
    newDeadline: z
      .string({ error: requiredOr("v.invalidDate") })
      .superRefine(checkCalendarDate)
      .meta({ format: "date", example: "2027-06-30" }),
    reason: requiredText(1000),
  })
  .meta({ id: "ExtensionRequest" });
export type ExtensionRequestInput = z.output<typeof extensionRequestSchema>;

/** The lead official's decision on a pending request; a rejection says why. */
export const extensionDecisionSchema = z
  .strictObject({
    decision: z.enum(EXTENSION_DECISIONS, { error: requiredOr("v.invalidOption") }),
    comment: optionalText(1000),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECT" && !v.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "v.rejectNeedsComment" });
    }
  })
  .meta({ id: "ExtensionDecision" });
export type ExtensionDecisionInput = z.output<typeof extensionDecisionSchema>;

export const extensionListQuerySchema = z
  .strictObject({
    status: z.preprocess(emptyToUndefined, extensionStatusEnum.optional()),
    districtCode: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{6}$/, "v.unknownDistrict")
        .optional(),
    ),
    leadOfficialId: z.preprocess(emptyToUndefined, uuid.optional()),
    ...pageQuery,
  })
  .meta({ id: "ExtensionListQuery" });
export type ExtensionListQuery = z.output<typeof extensionListQuerySchema>;

const date = z.string().meta({ format: "date" });
const instant = z.string().meta({ format: "date-time" });

export const extensionSchema = z
  .object({
    id: z.uuid(),
    problemId: z.uuid(),
    oldDeadline: date,
    newDeadline: date,
    reason: z.string(),
    status: extensionStatusEnum,
    requestedById: z.uuid(),
    requestedByName: z.string(),
    requestedAt: instant,
    decidedById: z.uuid().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: instant.nullable(),
    decisionComment: z.string().nullable(),
    version: z.number().int(),
    /** The problem as it stands now: its deadline, the first deadline ever set, and how often it was extended. */
    problem: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      districtCode: z.string(),
      leadOfficialId: z.uuid().nullable(),
      deadline: date.nullable(),
      originalDeadline: date.nullable(),
      extensionCount: z.number().int(),
      version: z.number().int(),
    }),
  })
  .meta({ id: "Extension" });
export type ExtensionDto = z.output<typeof extensionSchema>;

export const extensionPageSchema = z
  .object({
    items: z.array(extensionSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Counts by status under the same scope and filters, the status filter aside (for statistics). */
    totals: z.object({
      PENDING: z.number().int(),
      APPROVED: z.number().int(),
      REJECTED: z.number().int(),
      all: z.number().int(),
    }),
  })
  .meta({ id: "ExtensionPage" });
export type ExtensionPage = z.output<typeof extensionPageSchema>;
