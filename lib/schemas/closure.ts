import { z } from "zod";
import { EVIDENCE_KINDS, PROBLEM_CATEGORIES, PROBLEM_STATUSES } from "../domain/enums";
import { CLOSURE_ACTIONS } from "../domain/workflow";
import { calendarDate, emptyToUndefined, optionalText, requiredOr, requiredText, strictNumberInput } from "./common";

/** Inputs and outputs of the closure half: acceptance, public notice and objections, sign-off, look-back. */

const choice = { error: requiredOr("v.invalidOption") };
const version = z.preprocess(strictNumberInput, z.number().int().min(1).max(2_147_483_647));
const PHONE = /^[0-9+\-() ]{5,20}$/;
const phone = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string().min(1, "v.required").regex(PHONE, "v.phone"),
);
const email = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z.email("v.invalidText").max(200).optional(),
);
const optionalDate = z.preprocess(emptyToUndefined, calendarDate.optional());
const kindEnum = z.enum(EVIDENCE_KINDS);
const dateOut = z.string().meta({ format: "date" });
const dateTimeOut = z.string().meta({ format: "date-time" });

export const ACCEPTANCE_RESULTS = ["PASSED", "FAILED"] as const;
export const NOTICE_STATUSES = ["OPEN", "ENDED", "WITHDRAWN"] as const;
export const OBJECTION_STATUSES = ["PENDING", "UPHELD", "DISMISSED"] as const;
export const OBJECTION_DECISIONS = ["UPHOLD", "DISMISS"] as const;
export const SIGN_OFF_DECISIONS = ["SIGN", "RETURN"] as const;

/** Limits of the public objection form (shown by the form, enforced here). */
export const OBJECTION_LIMITS = { name: 50, contact: 100, text: 2000 } as const;

/** The public notice that a passed acceptance opens: the period (defaults: today, + noticeDays), supervision phone/e-mail, the public summary. */
export const noticeInputSchema = z
  .strictObject({
    startsOn: optionalDate,
    endsOn: optionalDate,
    phone,
    email,
    summary: requiredText(2000),
  })
  .meta({ id: "NoticeInput" });

/**
 * The coordinator records an acceptance (验收). FAILED sends the problem back to rectification with
 * the opinion as the reason; PASSED opens the public notice given in `notice`.
 */
export const acceptanceInputSchema = z
  .strictObject({
    result: z.enum(ACCEPTANCE_RESULTS, choice),
    acceptedOn: calendarDate,
    onSiteCheck: z.boolean({ error: "v.invalidOption" }),
    opinion: requiredText(2000),
    signers: z.array(requiredText(50), { error: "v.required" }).min(1, "v.required").max(20),
    acceptanceUnitId: z.preprocess(emptyToUndefined, z.uuid("v.unknownUnit").optional()),
    version,
    notice: noticeInputSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.result === "PASSED" && !input.notice) ctx.addIssue({ code: "custom", path: ["notice"], message: "v.required" });
  })
  .meta({ id: "AcceptanceInput" });
export type AcceptanceInput = z.output<typeof acceptanceInputSchema>;

export const versionOnlySchema = z.strictObject({ version }).meta({ id: "VersionInput" });

/** A visitor's objection to a problem in public notice. `website` is a trap for robots and must stay empty. */
export const objectionInputSchema = z
  .strictObject({
    name: optionalText(OBJECTION_LIMITS.name),
    contact: requiredText(OBJECTION_LIMITS.contact),
    text: requiredText(OBJECTION_LIMITS.text),
    website: z.string().max(500).optional(),
  })
  .meta({ id: "ObjectionInput" });
export type ObjectionInput = z.output<typeof objectionInputSchema>;

/** The coordinator's handling of an objection; `version` is the problem's version. */
export const objectionDecisionSchema = z
  .strictObject({ decision: z.enum(OBJECTION_DECISIONS, choice), note: requiredText(2000), version })
  .meta({ id: "ObjectionDecision" });

/** The coordinator dismisses several objections at once (spam), with one note; `version` is the problem's. */
export const objectionBulkDismissSchema = z
  .strictObject({
    objectionIds: z
      .array(z.uuid({ error: "v.invalidOption" }))
      .min(1, "v.required")
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, "v.invalidOption"),
    note: requiredText(2000),
    version,
  })
  .meta({ id: "ObjectionBulkDismiss" });

/** The lead official signs the closure (销号) or returns it to rectification (comment required). */
export const signOffInputSchema = z
  .strictObject({ decision: z.enum(SIGN_OFF_DECISIONS, choice), comment: optionalText(2000), version })
  .meta({ id: "SignOffInput" });

/** A look-back (回头看) found a relapse: the closed problem goes back to rectification. */
export const lookbackInputSchema = z.strictObject({ reason: requiredText(2000), version }).meta({ id: "LookbackInput" });

// ------------------------------------------------------------------ outputs

export const checklistSchema = z
  .object({
    category: z.enum(PROBLEM_CATEGORIES),
    items: z.array(
      z.object({ kind: kindEnum, state: z.enum(["MISSING", "RETURNED", "SUBMITTED", "ACCEPTED"]), count: z.number() }),
    ),
    missing: z.array(kindEnum),
    complete: z.boolean(),
    accepted: z.boolean(),
  })
  .meta({ id: "ClosureChecklistStatus" });
export type ChecklistDto = z.output<typeof checklistSchema>;

export const acceptanceSchema = z
  .object({
    id: z.uuid(),
    result: z.enum(ACCEPTANCE_RESULTS),
    acceptedOn: dateOut,
    onSiteCheck: z.boolean(),
    opinion: z.string(),
    signers: z.array(z.string()),
    acceptanceUnitId: z.uuid().nullable(),
    acceptanceUnitName: z.string().nullable(),
    recordedById: z.uuid(),
    recordedByName: z.string(),
    createdAt: dateTimeOut,
  })
  .meta({ id: "Acceptance" });
export type AcceptanceDto = z.output<typeof acceptanceSchema>;

export const objectionSchema = z
  .object({
    id: z.uuid(),
    noticeId: z.uuid(),
    name: z.string().nullable(),
    /** Only for those who handle objections. */
    contact: z.string().nullable(),
    /** Only for those who handle objections: a short tag of the sender's address hash (same tag = same address). */
    sender: z.string().nullable(),
    text: z.string(),
    status: z.enum(OBJECTION_STATUSES),
    handledByName: z.string().nullable(),
    handledAt: dateTimeOut.nullable(),
    handlingNote: z.string().nullable(),
    createdAt: dateTimeOut,
  })
  .meta({ id: "Objection" });
export type ObjectionDto = z.output<typeof objectionSchema>;

export const noticeSchema = z
  .object({
    id: z.uuid(),
    acceptanceId: z.uuid().nullable(),
    startsOn: dateOut,
    endsOn: dateOut,
    phone: z.string(),
    email: z.string().nullable(),
    summary: z.string(),
    status: z.enum(NOTICE_STATUSES),
    endedAt: dateTimeOut.nullable(),
    createdByName: z.string(),
    createdAt: dateTimeOut,
    objections: z.array(objectionSchema),
  })
  .meta({ id: "PublicNotice" });
export type NoticeDto = z.output<typeof noticeSchema>;

export const closureRecordSchema = z
  .object({
    id: z.uuid(),
    closedAt: dateTimeOut,
    signedById: z.uuid(),
    signedByName: z.string(),
    acceptanceId: z.uuid().nullable(),
    noticeId: z.uuid().nullable(),
    comment: z.string().nullable(),
    reopenedAt: dateTimeOut.nullable(),
    reopenedByName: z.string().nullable(),
    reopenReason: z.string().nullable(),
  })
  .meta({ id: "ProblemClosure" });
export type ClosureRecordDto = z.output<typeof closureRecordSchema>;

/** Everything of a problem's closure half, newest first. */
export const closureSchema = z
  .object({
    problemId: z.uuid(),
    status: z.enum(PROBLEM_STATUSES),
    version: z.number().int(),
    acceptances: z.array(acceptanceSchema),
    notices: z.array(noticeSchema),
    closures: z.array(closureRecordSchema),
    checklist: checklistSchema,
    /** The closure steps the caller may take now (END_NOTICE only once the period is over and no objection is pending). */
    allowedActions: z.array(z.enum(CLOSURE_ACTIONS)),
    /** Passing acceptance opens a notice of this many days unless the form says otherwise. */
    noticeDays: z.number().int(),
  })
  .meta({ id: "Closure" });
export type ClosureDto = z.output<typeof closureSchema>;

/** A problem in public notice, as the public sees it: no people, phones of staff, evidence or internal remarks. */
export const publicNoticeSchema = z
  .object({
    noticeId: z.uuid(),
    code: z.string(),
    title: z.string(),
    districtName: z.string(),
    districtNameEn: z.string().nullable(),
    category: z.enum(PROBLEM_CATEGORIES),
    target: z.string().nullable(),
    measures: z.array(z.object({ seq: z.number().int(), description: z.string(), done: z.boolean() })),
    summary: z.string(),
    startsOn: dateOut,
    endsOn: dateOut,
    daysLeft: z.number().int(),
    phone: z.string(),
    email: z.string().nullable(),
  })
  .meta({ id: "PublicNoticeEntry" });
export type PublicNoticeDto = z.output<typeof publicNoticeSchema>;

export const objectionReceiptSchema = z.object({ received: z.literal(true) }).meta({ id: "ObjectionReceipt" });
