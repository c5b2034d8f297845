import { z } from "zod";
import { calendarDate, clearableText, kindError, optionalText, requiredText, strictNumberInput, uuid } from "./common";
import { colourEnum, measureStatusEnum } from "./problem";

/** The largest value an INT4 column holds: a bigger version must be a 422, not a database error. */
const INT4_MAX = 2_147_483_647;

/** A number, or a plain decimal string as HTML forms send it ("0x10", "1e2", `[2]` are refused). */
const numberInput = strictNumberInput;

export const versionField = z.preprocess(
  numberInput,
  z
    .number({ error: kindError("v.invalidNumber") })
    .int()
    .min(1)
    .max(INT4_MAX),
);

export const percentField = z.preprocess(
  numberInput,
  z.number({ error: "v.percentRange" }).int("v.percentRange").min(0, "v.percentRange").max(100, "v.percentRange"),
);

/** Relative weight of a measure in the problem's progress (1 = all measures count alike). */
export const weightField = z.preprocess(
  numberInput,
  z.number({ error: "v.weightRange" }).int("v.weightRange").min(1, "v.weightRange").max(100, "v.weightRange"),
);

const optionalUnit = z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "v.unknownUnit" }).nullable().optional());
const optionalDate = z.preprocess((v) => (v === "" ? null : v), calendarDate.nullable().optional());

export const measureCreateSchema = z
  .strictObject({
    description: requiredText(1000),
    ownerUnitId: optionalUnit,
    ownerPerson: optionalText(50),
    milestone: optionalDate,
    weight: weightField.default(1),
  })
  .meta({ id: "MeasureCreate" });
export type MeasureCreateInput = z.output<typeof measureCreateSchema>;

/**
 * An edit of a measure: any of its details (coordinator or lead division) and/or its percent done
 * (also the owning unit and field officers in scope), with the version the editor saw. Status and
 * completion follow the percent; they are never sent.
 */
export const measureUpdateSchema = z
  .strictObject({
    description: requiredText(1000).optional(),
    ownerUnitId: optionalUnit,
    ownerPerson: clearableText(50),
    milestone: optionalDate,
    weight: weightField.optional(),
    percent: percentField.optional(),
    version: versionField,
  })
  .meta({ id: "MeasureUpdate" });
export type MeasureUpdateInput = z.output<typeof measureUpdateSchema>;

/** The details only the coordinator or the lead division may change. */
export const MEASURE_DETAIL_FIELDS = ["description", "ownerUnitId", "ownerPerson", "milestone", "weight"] as const;

export const measureCompleteSchema = z.strictObject({ version: versionField }).meta({ id: "MeasureComplete" });

export const measureDeleteQuerySchema = z.strictObject({ version: versionField }).meta({ id: "MeasureDeleteQuery" });

export const measureOrderSchema = z
  .strictObject({
    ids: z.array(uuid, { error: requiredIds }).min(1, "v.required").max(200),
  })
  .meta({ id: "MeasureOrder" });

function requiredIds(issue: { input?: unknown }): string {
  return issue.input === undefined || issue.input === null ? "v.required" : "v.measureOrderIncomplete";
}

/** A measure as the measure routes return it, with the problem's progress and colour after the change. */
export const measureDetailSchema = z
  .object({
    id: z.uuid(),
    problemId: z.uuid(),
    seq: z.number().int(),
    description: z.string(),
    ownerUnitId: z.uuid().nullable(),
    ownerUnitName: z.string().nullable(),
    ownerPerson: z.string().nullable(),
    milestone: z.string().nullable().meta({ format: "date" }),
    status: measureStatusEnum,
    percent: z.number().int(),
    weight: z.number().int(),
    completedAt: z.string().nullable().meta({ format: "date-time" }),
    version: z.number().int(),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
    problemProgress: z.number().int(),
    problemColour: colourEnum,
  })
  .meta({ id: "MeasureDetail" });
export type MeasureDetailDto = z.output<typeof measureDetailSchema>;

/** The measures of one problem in order, with the progress and colour they add up to. */
export const measureListSchema = z
  .object({
    items: z.array(measureDetailSchema),
    problemProgress: z.number().int(),
    problemColour: colourEnum,
  })
  .meta({ id: "MeasureList" });
export type MeasureListDto = z.output<typeof measureListSchema>;
