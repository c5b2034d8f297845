import { z } from "zod";
import { PROBLEM_STATUSES } from "../domain/enums";
import { WORKFLOW_ACTIONS } from "../domain/workflow";
import { optionalText, requiredOr, requiredText, strictNumberInput } from "./common";

const choice = { error: requiredOr("v.invalidOption") };
const version = z.preprocess(strictNumberInput, z.number().int().min(1).max(2_147_483_647));
const status = z.enum(PROBLEM_STATUSES);

export const workflowActionEnum = z.enum(WORKFLOW_ACTIONS, choice).meta({ id: "WorkflowAction" });

/** A workflow step on a problem: the action, the reason where it sends work back, and the version the caller saw. */
export const transitionInputSchema = z
  .strictObject({ action: workflowActionEnum, comment: optionalText(2000), version })
  .meta({ id: "TransitionInput" });
export type TransitionInput = z.output<typeof transitionInputSchema>;

/** One step of a problem's workflow history. */
export const transitionSchema = z
  .object({
    id: z.uuid(),
    action: workflowActionEnum,
    fromStatus: status,
    toStatus: status,
    actorId: z.uuid(),
    actorName: z.string(),
    comment: z.string().nullable(),
    at: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "Transition" });
export type TransitionDto = z.output<typeof transitionSchema>;

/** A new version of the rectification plan: its target; the measures are taken as they stand. */
export const planSubmitSchema = z.strictObject({ target: requiredText(2000) }).meta({ id: "PlanSubmit" });
export type PlanSubmitInput = z.output<typeof planSubmitSchema>;

export const PLAN_DECISIONS = ["APPROVE", "RETURN"] as const;

/** The lead official's decision on a submitted plan; returning it needs a reason. */
export const planDecisionSchema = z
  .strictObject({ decision: z.enum(PLAN_DECISIONS, choice), reason: optionalText(2000), version })
  .meta({ id: "PlanDecision" });
export type PlanDecisionInput = z.output<typeof planDecisionSchema>;

/** A measure as it stood when the plan was submitted. */
export const planMeasureSchema = z
  .object({
    seq: z.number().int(),
    description: z.string(),
    ownerUnitId: z.uuid().nullable(),
    ownerUnitName: z.string().nullable(),
    ownerPerson: z.string().nullable(),
    milestone: z.string().nullable().meta({ format: "date" }),
    weight: z.number().int(),
  })
  .meta({ id: "PlanMeasure" });
export type PlanMeasure = z.output<typeof planMeasureSchema>;

export const planStatusEnum = z.enum(["SUBMITTED", "APPROVED", "RETURNED"]);

/** A version of a problem's rectification plan. `mayDecide`: the caller may approve or return it now. */
export const planSchema = z
  .object({
    id: z.uuid(),
    problemId: z.uuid(),
    versionNo: z.number().int(),
    target: z.string(),
    measures: z.array(planMeasureSchema),
    status: planStatusEnum,
    submittedById: z.uuid(),
    submittedByName: z.string(),
    submittedAt: z.string().meta({ format: "date-time" }),
    decidedById: z.uuid().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable().meta({ format: "date-time" }),
    decisionReason: z.string().nullable(),
    version: z.number().int(),
    mayDecide: z.boolean(),
  })
  .meta({ id: "Plan" });
export type PlanDto = z.output<typeof planSchema>;
