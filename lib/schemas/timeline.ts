import { z } from "zod";
import { emptyToUndefined, strictNumberInput, uuid } from "./common";
import { colourEnum, measureStatusEnum, statusEnum } from "./problem";

/** The most problems one board draws; a filter narrows a larger set. */
export const TIMELINE_MAX = 200;

/**
 * Which problems the timeline board (挂图作战) draws. Without `status` it shows every problem not
 * yet closed; `status=CLOSED` shows the closed ones.
 */
export const timelineQuerySchema = z
  .strictObject({
    districtCode: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
    ),
    leadUnitId: z.preprocess(emptyToUndefined, uuid.optional()),
    leadOfficialId: z.preprocess(emptyToUndefined, uuid.optional()),
    status: z.preprocess(emptyToUndefined, statusEnum.optional()),
    colour: z.preprocess(emptyToUndefined, colourEnum.optional()),
    limit: z.preprocess(
      emptyToUndefined,
      z.preprocess(strictNumberInput, z.number().int().min(1).max(TIMELINE_MAX).default(TIMELINE_MAX)),
    ),
  })
  .meta({ id: "TimelineQuery" });
export type TimelineQuery = z.output<typeof timelineQuerySchema>;

export const timelineMeasureSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    description: z.string(),
    ownerUnitName: z.string().nullable(),
    milestone: z.string().nullable().meta({ format: "date" }),
    percent: z.number().int(),
    status: measureStatusEnum,
    /** Milestone passed and the measure not done. */
    late: z.boolean(),
  })
  .meta({ id: "TimelineMeasure" });

export const timelineProblemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    status: statusEnum,
    colour: colourEnum,
    districtCode: z.string(),
    districtName: z.string(),
    leadUnitId: z.uuid(),
    leadUnitName: z.string(),
    leadOfficialName: z.string().nullable(),
    /** Start of the rectification (assignment, else registration): the start of the planned pace. */
    start: z.string().meta({ format: "date" }),
    deadline: z.string().nullable().meta({ format: "date" }),
    /** The deadline first set; differs from `deadline` once an extension was granted. */
    originalDeadline: z.string().nullable().meta({ format: "date" }),
    extensionCount: z.number().int(),
    progress: z.number().int(),
    /** Planned pace (序时进度) today, or null when the problem has no deadline or is closed. */
    plannedPercent: z.number().int().nullable(),
    overdue: z.boolean(),
    overdueDays: z.number().int(),
    measures: z.array(timelineMeasureSchema),
  })
  .meta({ id: "TimelineProblem" });
export type TimelineProblem = z.output<typeof timelineProblemSchema>;

export const timelineSchema = z
  .object({
    today: z.string().meta({ format: "date" }),
    /** Problems matching the filter; at most `limit` of them are in `items`. */
    total: z.number().int(),
    truncated: z.boolean(),
    items: z.array(timelineProblemSchema),
  })
  .meta({ id: "Timeline" });
export type Timeline = z.output<typeof timelineSchema>;
