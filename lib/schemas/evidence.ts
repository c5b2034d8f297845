import { z } from "zod";
import { isPlausibleInstant } from "../domain/calendar";
import { EVIDENCE_KINDS, RETURN_REASONS, REVIEW_STATUSES } from "../domain/enums";
import { calendarDate, DATE_OUT_OF_RANGE, emptyToUndefined, kindError, optionalText, requiredOr } from "./common";
import { photoSignalSchema } from "./findings";

/** Where a capture time or position came from: the file's EXIF, or the device / form at upload. */
export const CAPTURE_SOURCES = ["EXIF", "DEVICE"] as const;
export type CaptureSourceName = (typeof CAPTURE_SOURCES)[number];

/** Longest reason a reviewer may give when returning evidence. */
export const REVIEW_REASON_MAX = 500;

const optionalNumber = (min: number, max: number, key: string) =>
  z.preprocess(
    (v) => {
      const e = emptyToUndefined(v);
      return typeof e === "string" && e.trim() !== "" ? Number(e.trim()) : e;
    },
    z
      .number({ error: kindError("v.invalidNumber") })
      .min(min, key)
      .max(max, key)
      .optional(),
  );

/**
 * Messages are keys: `v.*` (validation namespace) or `evidence.validation.*` (full message paths).
 *
 * The text fields of an evidence upload (multipart/form-data, next to exactly one `file` part).
 * `capturedAt`, `lat` and `lng` are what the device knew; EXIF in the file wins over them.
 */
export const evidenceUploadFieldsSchema = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS, { error: requiredOr("v.invalidOption") }),
    measureId: z.preprocess(emptyToUndefined, z.uuid({ error: "v.unknownMeasure" }).optional()),
    capturedAt: z.preprocess(
      emptyToUndefined,
      z.iso
        .datetime({ offset: true, error: "evidence.validation.invalidDateTime" })
        .refine(isPlausibleInstant, DATE_OUT_OF_RANGE)
        .optional()
        .meta({ format: "date-time" }),
    ),
    lat: optionalNumber(-90, 90, "evidence.validation.latitudeRange"),
    lng: optionalNumber(-180, 180, "evidence.validation.longitudeRange"),
    supersedesId: z.preprocess(emptyToUndefined, z.uuid({ error: "evidence.validation.unknownSupersedes" }).optional()),
  })
  .meta({ id: "EvidenceUploadFields" });
export type EvidenceUploadFields = z.output<typeof evidenceUploadFieldsSchema>;

/** The multipart body as documented (the file part plus the fields above). */
export const evidenceUploadBodySchema = z
  .object({
    file: z.string().meta({ format: "binary", description: "Exactly one file part" }),
    kind: z.enum(EVIDENCE_KINDS),
    measureId: z.uuid().optional(),
    capturedAt: z.string().optional().meta({ format: "date-time" }),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    supersedesId: z.uuid().optional(),
  })
  .meta({ id: "EvidenceUploadBody" });

const person = z.object({ id: z.uuid(), displayName: z.string() });
const dateTime = z.string().meta({ format: "date-time" });

export const evidenceReviewSummarySchema = z
  .object({
    decision: z.enum(REVIEW_STATUSES),
    reasonCode: z.enum(RETURN_REASONS).nullable(),
    reason: z.string().nullable(),
    reviewer: person,
    at: dateTime,
  })
  .meta({ id: "EvidenceReviewSummary" });
export type EvidenceReviewSummaryDto = z.output<typeof evidenceReviewSummarySchema>;

/** One piece of proof (佐证材料) as the API shows it. */
export const evidenceSchema = z
  .object({
    id: z.uuid(),
    problemId: z.uuid(),
    measureId: z.uuid().nullable(),
    kind: z.enum(EVIDENCE_KINDS),
    sha256: z.string().meta({ description: "Hex SHA-256 of the stored bytes" }),
    mime: z.string(),
    size: z.number().int(),
    originalName: z.string(),
    capturedAt: dateTime.nullable(),
    capturedAtSource: z.enum(CAPTURE_SOURCES).nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    gpsSource: z.enum(CAPTURE_SOURCES).nullable(),
    distanceMeters: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    uploadedBy: person,
    uploadedAt: dateTime,
    reviewStatus: z.enum(REVIEW_STATUSES),
    reviewedAt: dateTime.nullable(),
    lastReview: evidenceReviewSummarySchema.nullable(),
    supersedesId: z.uuid().nullable(),
    supersededById: z.uuid().nullable(),
    verifiedAt: dateTime.nullable(),
    verifiedOk: z.boolean().nullable(),
    version: z.number().int(),
    fileUrl: z.string().meta({ example: "/api/v1/evidence/{id}/file" }),
    thumbUrl: z.string().nullable().meta({ example: "/api/v1/evidence/{id}/file?variant=thumb" }),
    canReview: z.boolean(),
    phash: z.string().nullable().meta({ description: "64-bit dHash as 16 hex digits; null until computed or not an image" }),
    software: z.string().nullable().meta({ description: "EXIF Software / XMP CreatorTool of the file" }),
    signals: z
      .array(photoSignalSchema)
      .nullable()
      .meta({ description: "Signals of possible false rectification; null when not computed or not shown to the caller's role" }),
    fakeFindingId: z.uuid().nullable().meta({ description: "The standing finding that confirmed this evidence as fake" }),
    canConfirmFake: z.boolean(),
    canVerify: z.boolean(),
  })
  .meta({ id: "Evidence" });
export type EvidenceDto = z.output<typeof evidenceSchema>;

export const evidenceListSchema = z.object({ items: z.array(evidenceSchema) }).meta({ id: "EvidenceList" });
export type EvidenceListDto = z.output<typeof evidenceListSchema>;

/** A coordinator's decision on one piece of evidence; a return needs a reason code and a reason. */
export const evidenceReviewSchema = z
  .strictObject({
    decision: z.enum(["ACCEPTED", "RETURNED"], { error: requiredOr("v.invalidOption") }),
    reasonCode: z.preprocess(emptyToUndefined, z.enum(RETURN_REASONS, { error: "v.invalidOption" }).optional()),
    reason: optionalText(REVIEW_REASON_MAX),
    version: z.number({ error: "v.required" }).int("v.invalidNumber").min(1, "v.invalidNumber"),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "RETURNED") return;
    if (!v.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "v.required" });
    if (!v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "v.required" });
  })
  .meta({ id: "EvidenceReviewInput" });
export type EvidenceReviewInput = z.output<typeof evidenceReviewSchema>;

export const evidenceFileQuerySchema = z
  .strictObject({
    variant: z.preprocess(emptyToUndefined, z.enum(["original", "thumb"]).default("original")),
    inline: z.preprocess(emptyToUndefined, z.enum(["0", "1"]).optional()),
  })
  .meta({ id: "EvidenceFileQuery" });

export const evidenceVerifySchema = z
  .object({
    id: z.uuid(),
    sha256: z.string(),
    recomputed: z.string().nullable().meta({ description: "null when the stored file is missing" }),
    ok: z.boolean(),
    verifiedAt: dateTime,
  })
  .meta({ id: "EvidenceVerify" });
export type EvidenceVerifyDto = z.output<typeof evidenceVerifySchema>;

/** The last integrity check of a piece of evidence, as recorded (GET /verify reads, never checks). */
export const evidenceLastCheckSchema = z
  .object({
    id: z.uuid(),
    sha256: z.string(),
    ok: z.boolean().nullable().meta({ description: "null when never checked" }),
    verifiedAt: dateTime.nullable(),
  })
  .meta({ id: "EvidenceLastCheck" });
export type EvidenceLastCheckDto = z.output<typeof evidenceLastCheckSchema>;

export const reviewStatsQuerySchema = z
  .strictObject({
    from: z.preprocess(emptyToUndefined, calendarDate.optional()),
    to: z.preprocess(emptyToUndefined, calendarDate.optional()),
    districtId: z.preprocess(emptyToUndefined, z.uuid({ error: "v.unknownDistrict" }).optional()),
  })
  .meta({ id: "EvidenceReviewStatsQuery" });
export type ReviewStatsQuery = z.output<typeof reviewStatsQuerySchema>;

const reasonCounts = z.object({ reasonCode: z.enum(RETURN_REASONS), count: z.number().int() });
const decisionCounts = {
  accepted: z.number().int(),
  returned: z.number().int(),
  pending: z.number().int(),
};

/**
 * Why proof gets sent back: review decisions made in the period (Asia/Shanghai calendar days,
 * both ends included) counted by reason, district and lead unit; `pending` counts current
 * (not superseded) evidence uploaded in the period still awaiting review.
 */
export const reviewStatsSchema = z
  .object({
    from: z.string().nullable().meta({ format: "date" }),
    to: z.string().nullable().meta({ format: "date" }),
    districtId: z.uuid().nullable(),
    totals: z.object(decisionCounts),
    byReason: z.array(reasonCounts),
    byDistrict: z.array(
      z.object({ districtId: z.uuid(), districtName: z.string(), ...decisionCounts, byReason: z.array(reasonCounts) }),
    ),
    byLeadUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), ...decisionCounts, byReason: z.array(reasonCounts) })),
  })
  .meta({ id: "EvidenceReviewStats" });
export type ReviewStatsDto = z.output<typeof reviewStatsSchema>;
