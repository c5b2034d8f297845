import { z } from "zod";
import { emptyToUndefined, pageQuery, requiredText } from "./common";
import { percentField } from "./measure";

/** A progress report (整改进展): what was done, the percent reached, optionally about one measure of the problem. */
export const progressReportCreateSchema = z
  .strictObject({
    text: requiredText(2000),
    percent: percentField,
    measureId: z.preprocess(emptyToUndefined, z.uuid({ error: "v.unknownMeasure" }).optional()),
  })
  .meta({ id: "ProgressReportCreate" });
export type ProgressReportCreateInput = z.output<typeof progressReportCreateSchema>;

export const progressReportListQuerySchema = z.strictObject({ ...pageQuery }).meta({ id: "ProgressReportListQuery" });

export const progressReportSchema = z
  .object({
    id: z.uuid(),
    problemId: z.uuid(),
    measureId: z.uuid().nullable(),
    measureSeq: z.number().int().nullable(),
    measureDescription: z.string().nullable(),
    reporterId: z.uuid(),
    reporterName: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    text: z.string(),
    percent: z.number().int(),
    createdAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "ProgressReport" });
export type ProgressReportDto = z.output<typeof progressReportSchema>;

export const progressReportPageSchema = z
  .object({
    items: z.array(progressReportSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "ProgressReportPage" });
export type ProgressReportPage = z.output<typeof progressReportPageSchema>;

export const lateReportersQuerySchema = z
  .strictObject({
    districtCode: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{6}$/, "v.unknownDistrict")
        .optional(),
    ),
  })
  .meta({ id: "LateReportersQuery" });

/** A lead unit behind on its periodic reports, with each problem it owes a report on. */
export const lateReporterSchema = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    problems: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        title: z.string(),
        lastReportAt: z.string().nullable().meta({ format: "date-time" }),
        dueOn: z.string().meta({ format: "date" }),
        daysLate: z.number().int(),
      }),
    ),
  })
  .meta({ id: "LateReporter" });
export type LateReporterDto = z.output<typeof lateReporterSchema>;
