import { z } from "zod";
import {
  ASSESSMENT_RESULTS,
  CHECK_VERDICTS,
  CLOSURE_STAGES,
  HAZARD_LEVELS,
  PARK_KINDS,
  PREVENTION_ITEM_KINDS,
  PREVENTION_LEVELS,
} from "../domain/bottom-line";
import { ENTERPRISE_TAGS } from "../domain/enums";
import { calendarDate, emptyToUndefined, optionalText, requiredOr, requiredText, strictNumberInput } from "./common";

/** Input schemas of the bottom line (hazard sweeps, closed chemical enterprises, three-level prevention). */

const option = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: requiredOr("v.invalidOption") });
const id = z.uuid({ error: requiredOr("v.invalidOption") });
const whole = (min: number, max: number) =>
  z.preprocess(
    strictNumberInput,
    z
      .number({ error: requiredOr("v.invalidNumber") })
      .int("v.invalidNumber")
      .min(min)
      .max(max),
  );
const bool = z.preprocess(
  (v) => (v === "true" || v === "on" ? true : v === "false" ? false : v),
  z.boolean({ error: requiredOr("v.invalidOption") }),
);
const date = z.preprocess(emptyToUndefined, calendarDate);
const optionalDate = z.preprocess(emptyToUndefined, calendarDate.optional());

export const sweepTemplateInputSchema = z.strictObject({
  name: requiredText(100),
  description: optionalText(1000),
  items: z
    .array(z.strictObject({ title: requiredText(200), guidance: optionalText(1000) }))
    .min(1, "v.required")
    .max(100),
});

export const sweepCreateSchema = z
  .strictObject({
    title: requiredText(200),
    startsOn: date,
    endsOn: date,
    /** A template already kept, or a new one (kept for reuse). */
    templateId: id.optional(),
    template: sweepTemplateInputSchema.optional(),
    /** Targets: operating or stopped enterprises of the register with any of these tags … */
    targetTags: z.array(option(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).default([]),
    /** … and/or these parks. */
    parkIds: z.array(id).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.templateId === !v.template) ctx.addIssue({ code: "custom", path: ["templateId"], message: "v.required" });
    if (v.targetTags.length === 0 && v.parkIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["targetTags"], message: "v.required" });
    }
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "v.invalidDate" });
  })
  .meta({ id: "SweepCreate" });

/** A sweep edited before any target is checked: the same fields as opening it. */
export const sweepUpdateSchema = sweepCreateSchema.meta({ id: "SweepUpdate" });
export type SweepCreateInput = z.output<typeof sweepCreateSchema>;

export const checkResultSchema = z.strictObject({
  itemId: id,
  verdict: option(CHECK_VERDICTS),
  note: optionalText(1000),
  /** Required on a FAIL (a hazard), refused otherwise. */
  hazard: z.strictObject({ level: option(HAZARD_LEVELS), deadline: date, description: optionalText(1000) }).optional(),
});

export const sweepCheckSchema = z
  .strictObject({ targetId: id, results: z.array(checkResultSchema).min(1, "v.required").max(100) })
  .meta({ id: "SweepCheck" });
export type SweepCheckInput = z.output<typeof sweepCheckSchema>;

export const hazardsToProblemsSchema = z
  .strictObject({
    hazardIds: z.array(id).min(1, "v.required").max(100),
    /** The lead unit of every new problem; by default the dispatched agency (派出机构) of the hazard's district. */
    leadUnitId: id.optional(),
  })
  .meta({ id: "HazardsToProblems" });

/** The sweeps list has no filters: its export refuses any parameter rather than ignore it. */
export const sweepListExportQuerySchema = z.strictObject({}).meta({ id: "SweepListExportQuery" });
/** One sweep's targets as a file: the sweep is the path's; the page has no filters. */
export const sweepTargetsExportQuerySchema = z.strictObject({ sweepId: z.string() }).meta({ id: "SweepTargetsExportQuery" });

export const hazardListQuerySchema = z.strictObject({
  sweepId: z.preprocess(emptyToUndefined, id.optional()),
  level: z.preprocess(emptyToUndefined, option(HAZARD_LEVELS).optional()),
  districtId: z.preprocess(emptyToUndefined, id.optional()),
  open: z.preprocess(emptyToUndefined, bool.optional()),
  overdue: z.preprocess(emptyToUndefined, bool.optional()),
});

export const closureStageSchema = z
  .strictObject({
    stage: option(CLOSURE_STAGES),
    completedOn: optionalDate,
    skipped: bool.default(false),
    skipReason: optionalText(500),
    note: optionalText(2000),
  })
  .meta({ id: "ClosureStageRecord" });

export const recheckSchema = z
  .strictObject({ checkedOn: date, inspector: requiredText(50), findings: requiredText(2000), ok: bool })
  .meta({ id: "ClosedEnterpriseRecheck" });

export const closedEnterpriseQuerySchema = z.strictObject({
  districtId: z.preprocess(emptyToUndefined, id.optional()),
  notRechecked: z.preprocess(emptyToUndefined, bool.optional()),
});

/** The parks list has no filters (everything in the person's scope): its export refuses unknown ones. */
export const parkListQuerySchema = z.strictObject({}).meta({ id: "ParkListQuery" });

export const parkCreateSchema = z
  .strictObject({
    name: requiredText(100),
    kind: option(PARK_KINDS),
    districtId: id,
    enterpriseIds: z.array(id).max(500).default([]),
  })
  .meta({ id: "ParkCreate" });

/** A park's registration edited: the same fields; the enterprises listed are the park's afterwards. */
export const parkUpdateSchema = parkCreateSchema.meta({ id: "ParkUpdate" });

/** Register tags whose enterprises a sweep would target (the live count on the sweep form). */
export const sweepTargetCountSchema = z.strictObject({
  targetTags: z.array(option(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).default([]),
});

const preventionItemShape = {
  level: option(PREVENTION_LEVELS),
  kind: option(PREVENTION_ITEM_KINDS),
  name: requiredText(200),
  targetQty: whole(1, 10_000_000),
  doneQty: whole(0, 10_000_000).default(0),
  startOn: optionalDate,
  deadline: date,
};
const deadlineAfterStart = (v: { startOn?: string; deadline: string }, ctx: z.RefinementCtx) => {
  if (v.startOn && v.deadline < v.startOn) ctx.addIssue({ code: "custom", path: ["deadline"], message: "v.invalidDate" });
};

export const preventionItemSchema = z
  .strictObject(preventionItemShape)
  .superRefine(deadlineAfterStart)
  .meta({ id: "PreventionItemCreate" });

/** A plan item edited as a whole (level, kind, name, quantities, dates), with the version seen; no start date keeps it. */
export const preventionItemEditSchema = z
  .strictObject({ ...preventionItemShape, version: whole(1, 2_147_483_647) })
  .superRefine(deadlineAfterStart)
  .meta({ id: "PreventionItemEdit" });
export type PreventionItemEditInput = z.output<typeof preventionItemEditSchema>;

export const preventionProgressSchema = z
  .strictObject({ doneQty: whole(0, 10_000_000), version: whole(1, 2_147_483_647) })
  .meta({ id: "PreventionItemProgress" });

export const assessmentSchema = z
  .strictObject({ assessedOn: date, findings: requiredText(4000), result: option(ASSESSMENT_RESULTS) })
  .meta({ id: "ParkAssessment" });

export const drillSchema = z
  .strictObject({
    level: option(PREVENTION_LEVELS),
    heldOn: date,
    scenario: requiredText(500),
    participants: whole(1, 100_000),
    itemId: z.preprocess(emptyToUndefined, id.optional()),
  })
  .meta({ id: "ParkDrill" });
