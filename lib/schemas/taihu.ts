import { z } from "zod";
import {
  checkCalendarDate,
  clearableText,
  emptyToUndefined,
  kindError,
  optionalText,
  requiredOr,
  requiredText,
  strictNumberInput,
  uuid,
} from "./common";

const choice = { error: requiredOr("v.invalidOption") };
export const pointKindEnum = z.enum(["LAKE_ZONE", "DRINKING_SOURCE"], choice);
export const sourceStatusEnum = z.enum(["NORMAL", "ABNORMAL"], choice);

/** A non-negative measured value with at most `decimals` decimals; "" or null = not measured. */
const measured = (max: number, decimals: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? null : strictNumberInput(v)),
    z
      .number({ error: "v.invalidNumber" })
      .min(0, "reflectValidation.notNegative")
      .max(max, "reflectValidation.tooLarge")
      .refine(
        (n) => Math.abs(n * 10 ** decimals - Math.round(n * 10 ** decimals)) < 1e-6,
        `reflectValidation.decimals${decimals}`,
      )
      .nullable()
      .optional(),
  );
export const algaeValue = measured(1e9, 1);
export const areaValue = measured(2500, 2);

const flag = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const t = v.trim().toLowerCase();
    if (["true", "1", "是", "有", "yes", "y"].includes(t)) return true;
    if (["false", "0", "否", "无", "no", "n", ""].includes(t)) return false;
    return v;
  },
  z.boolean({ error: "reflectValidation.yesNo" }),
);

const dateField = z
  .string({ error: requiredOr("v.invalidDate") })
  .superRefine(checkCalendarDate)
  .meta({ format: "date", example: "2026-07-15" });

const thresholdFields = {
  algaeWarn: algaeValue,
  algaeAlert: algaeValue,
  bloomWarn: areaValue,
  bloomAlert: areaValue,
};

function checkOrder(
  v: { algaeWarn?: number | null; algaeAlert?: number | null; bloomWarn?: number | null; bloomAlert?: number | null },
  ctx: z.RefinementCtx,
) {
  if (v.algaeWarn != null && v.algaeAlert != null && v.algaeAlert < v.algaeWarn)
    ctx.addIssue({ code: "custom", path: ["algaeAlert"], message: "reflectValidation.alertBelowWarn" });
  if (v.bloomWarn != null && v.bloomAlert != null && v.bloomAlert < v.bloomWarn)
    ctx.addIssue({ code: "custom", path: ["bloomAlert"], message: "reflectValidation.alertBelowWarn" });
}

const districtCodeField = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^\d{6}$/, "v.unknownDistrict")
    .optional(),
);

/** A monitoring point and its thresholds. */
export const pointCreateSchema = z
  .strictObject({
    code: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z
        .string({ error: requiredOr("reflectValidation.pointCode") })
        .min(1, "v.required")
        .max(40)
        .regex(/^[A-Za-z0-9\-_]+$/, "reflectValidation.pointCode"),
    ),
    name: requiredText(100),
    kind: pointKindEnum,
    location: optionalText(200),
    districtCode: districtCodeField,
    dutyLeaderId: z.preprocess(emptyToUndefined, uuid.optional()),
    ...thresholdFields,
  })
  .superRefine(checkOrder)
  .meta({ id: "TaihuPointCreate" });
export type PointCreateInput = z.output<typeof pointCreateSchema>;

/**
 * An edit of a point (its code stays): every field is sent as the form shows it; an empty
 * threshold, district, location or duty leader clears it. `version` is the one the editor saw.
 */
export const pointUpdateSchema = z
  .strictObject({
    version: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(1),
    ),
    name: requiredText(100),
    kind: pointKindEnum,
    location: clearableText(200),
    districtCode: districtCodeField,
    dutyLeaderId: z.preprocess(emptyToUndefined, uuid.optional()),
    active: z.boolean().optional(),
    ...thresholdFields,
  })
  .superRefine(checkOrder)
  .meta({ id: "TaihuPointUpdate" });
export type PointUpdateInput = z.output<typeof pointUpdateSchema>;

/** One day's reading of one point (typed, or a row of an import). */
export const readingInputSchema = z
  .strictObject({
    pointCode: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z
        .string({ error: requiredOr("reflectValidation.unknownPoint") })
        .min(1, "v.required")
        .max(40),
    ),
    day: dateField,
    algaeDensity: algaeValue,
    bloomArea: areaValue,
    blackBloom: flag.default(false),
    blackBloomArea: areaValue,
    sourceStatus: z.preprocess((v) => {
      if (v === "" || v === null) return undefined;
      if (v === "正常") return "NORMAL";
      if (v === "异常") return "ABNORMAL";
      return v;
    }, sourceStatusEnum.optional()),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (!v.blackBloom && v.blackBloomArea != null && v.blackBloomArea > 0)
      ctx.addIssue({ code: "custom", path: ["blackBloomArea"], message: "reflectValidation.blackBloomAreaWithoutBloom" });
  })
  .meta({ id: "TaihuReadingInput" });
export type ReadingInput = z.output<typeof readingInputSchema>;

export const readingQuerySchema = z
  .strictObject({
    from: z.preprocess(emptyToUndefined, dateField.optional()),
    to: z.preprocess(emptyToUndefined, dateField.optional()),
    pointCode: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  })
  .meta({ id: "TaihuReadingQuery" });
export type ReadingQuery = z.output<typeof readingQuerySchema>;

const date = z.string().meta({ format: "date" });

export const pointSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: pointKindEnum,
    location: z.string().nullable(),
    district: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    algaeWarn: z.number().nullable(),
    algaeAlert: z.number().nullable(),
    bloomWarn: z.number().nullable(),
    bloomAlert: z.number().nullable(),
    dutyLeaderId: z.uuid().nullable(),
    active: z.boolean(),
    isDemo: z.boolean(),
    version: z.number().int(),
    /** The latest reading's day and level (0 none, 1 warning, 2 alert). */
    latest: z.object({ day: date, level: z.number().int() }).nullable(),
    openEpisode: z.object({ startedOn: date, peakLevel: z.number().int() }).nullable(),
  })
  .meta({ id: "TaihuPoint" });
export type PointDto = z.output<typeof pointSchema>;

export const readingSchema = z
  .object({
    id: z.uuid(),
    pointId: z.uuid(),
    pointCode: z.string(),
    day: date,
    algaeDensity: z.number().nullable(),
    bloomArea: z.number().nullable(),
    blackBloom: z.boolean(),
    blackBloomArea: z.number().nullable(),
    sourceStatus: sourceStatusEnum.nullable(),
    note: z.string().nullable(),
    level: z.number().int(),
    isDemo: z.boolean(),
  })
  .meta({ id: "TaihuReading" });
export type ReadingDto = z.output<typeof readingSchema>;

export const importResultSchema = z
  .object({
    /** True when nothing was written (`?preview=true`). */
    preview: z.boolean(),
    /** Data rows in the file. */
    rows: z.number().int(),
    /** Rows written (0 in a preview or when any row is bad). */
    saved: z.number().int(),
    /** Of the good rows: days new for their point, and days that replace a stored reading. */
    imported: z.number().int(),
    replaced: z.number().int(),
    /** Every bad row: its row in the file (header = 1), the field, and the reason in the caller's language. */
    errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
    /** A preview's first rows as read. */
    sample: z.array(z.record(z.string(), z.string().nullable())),
  })
  .meta({ id: "TaihuImportResult" });
export type ImportResult = z.output<typeof importResultSchema>;
