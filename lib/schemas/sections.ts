import { z } from "zod";
import { TARGET_CLASSES } from "../domain/water-sections";
import { emptyToUndefined, isStorableText, kindError, strictNumberInput } from "./common";
import { indicatorEnum } from "./indicator";

const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: "v.required" }).min(1, "v.required").max(max).refine(isStorableText, "v.invalidText"),
  );
const level = z.enum(["NATIONAL", "PROVINCIAL"], { error: "v.invalidOption" });
const targetClass = z
  .number({ error: "v.invalidOption" })
  .int("v.invalidOption")
  .refine((n) => (TARGET_CLASSES as readonly number[]).includes(n), "v.invalidOption");
const sectionCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "v.required" })
    .min(1, "v.required")
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, "v.invalidOption"),
);
const districtCode = z.string({ error: "v.required" }).regex(/^\d{6}$/, "v.unknownDistrict");

export const sectionCreateSchema = z
  .strictObject({
    code: sectionCode,
    name: text(60),
    waterBody: text(60),
    districtCode,
    level,
    targetClass,
    active: z.boolean({ error: "v.invalidOption" }).default(true),
  })
  .meta({ id: "WaterSectionCreate" });

export const sectionUpdateSchema = z
  .strictObject({
    version: z.number({ error: "v.required" }).int().min(1),
    code: sectionCode.optional(),
    name: text(60).optional(),
    waterBody: text(60).optional(),
    districtCode: districtCode.optional(),
    level: level.optional(),
    targetClass: targetClass.optional(),
    active: z.boolean({ error: "v.invalidOption" }).optional(),
  })
  .meta({ id: "WaterSectionUpdate" });

const boolText = z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional());

export const sectionListQuerySchema = z
  .strictObject({
    districtCode: z.preprocess(emptyToUndefined, districtCode.optional()),
    level: z.preprocess(emptyToUndefined, level.optional()),
    /** Whether the section met its target in `period` (no result that month matches neither). */
    meets: boolText,
    period: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.invalidPeriod")
        .optional(),
    ),
    active: boolText,
  })
  .meta({ id: "WaterSectionQuery" });

export const monthResultSchema = z.object({
  period: z.string(),
  waterClass: z.number().int().nullable(),
  classLabel: z.string().nullable(),
  keyPollutants: z.string().nullable(),
  missed: z.boolean().nullable(),
});

export const sectionSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    waterBody: z.string(),
    districtCode: z.string(),
    districtName: z.string(),
    level: level,
    targetClass: z.number().int(),
    targetClassLabel: z.string(),
    active: z.boolean(),
    version: z.number().int(),
    /** The last 24 months, oldest first, ending with the latest month any section has a result for. */
    months: z.array(monthResultSchema),
  })
  .meta({ id: "WaterSection" });

export const sectionImportResultSchema = z
  .object({
    preview: z.boolean(),
    rows: z.number().int(),
    imported: z.number().int(),
    replaced: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
    sample: z.array(
      z.object({ sectionCode: z.string(), period: z.string(), classLabel: z.string(), keyPollutants: z.string().nullable() }),
    ),
  })
  .meta({ id: "WaterSectionImportResult" });

const yearField = z.preprocess(
  strictNumberInput,
  z
    .number({ error: kindError("v.invalidNumber") })
    .int("v.invalidNumber")
    .min(2000)
    .max(2100),
);

export const targetsQuerySchema = z.strictObject({ year: yearField }).meta({ id: "AnnualTargetQuery" });

export const targetsPutSchema = z
  .strictObject({
    year: z
      .number({ error: kindError("v.invalidNumber") })
      .int()
      .min(2000)
      .max(2100),
    /** Every cell to set; a null value removes that target. */
    targets: z
      .array(
        z.strictObject({
          unitCode: z.string({ error: "v.required" }).regex(/^\d{6}$/, "v.invalidOption"),
          indicator: indicatorEnum,
          value: z.string({ error: "v.invalidNumber" }).trim().nullable(),
        }),
      )
      .max(500),
  })
  .meta({ id: "AnnualTargetsPut" });

export const targetsSchema = z
  .object({
    year: z.number().int(),
    units: z.array(z.object({ code: z.string(), name: z.string() })),
    targets: z.array(z.object({ unitCode: z.string(), indicator: indicatorEnum, value: z.string() })),
  })
  .meta({ id: "AnnualTargets" });
