import { z } from "zod";
import { penaltyRulesSchema } from "../domain/penalties";
import { calendarDate, kindError, optionalText, requiredText, strictNumberInput } from "./common";

const period = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, "v.invalidPeriod");

/** `PATCH /api/v1/penalty-rules`: a new version effective from a month, naming only the rules it changes. */
export const penaltyRulesPatchSchema = z
  .strictObject({
    effectiveFrom: period.meta({ example: "2027-01" }),
    rules: penaltyRulesSchema,
    reason: requiredText(500),
  })
  .meta({ id: "PenaltyRulesPatch" });

/** `POST /api/v1/penalties/evaluate`. */
export const penaltyEvaluateSchema = z
  .strictObject({
    year: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(2000)
        .max(2100),
    ),
    month: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(1)
        .max(12),
    ),
  })
  .meta({ id: "PenaltyEvaluate" });

/** `POST /api/v1/penalties/{id}/decision`: confirm (认定) or waive (豁免, reason required). */
export const penaltyDecisionSchema = z
  .strictObject({
    decision: z.enum(["CONFIRM", "WAIVE"], { error: "v.invalidOption" }),
    reason: optionalText(1000),
    version: z
      .number({ error: kindError("v.invalidNumber") })
      .int()
      .min(1),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "WAIVE" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "v.required" });
  })
  .meta({ id: "PenaltyDecisionInput" });

/** `POST /api/v1/penalties/{id}/payment`: the coordinator records the fee as paid. */
export const penaltyPaymentSchema = z.strictObject({ paidOn: calendarDate }).meta({ id: "PenaltyPaymentInput" });

const emptyToUndef = (v: unknown) => (v === "" ? undefined : v);

/** `GET /api/v1/penalties`: a month (as before), or a year with filters. */
export const penaltyListQuerySchema = z
  .strictObject({
    year: z.preprocess(strictNumberInput, z.number().int().min(2000).max(2100)),
    month: z.preprocess(emptyToUndef, z.preprocess(strictNumberInput, z.number().int().min(1).max(12).optional())),
    districtCode: z.preprocess(emptyToUndef, z.string().max(20).optional()),
    status: z.preprocess(emptyToUndef, z.enum(["PROPOSED", "CONFIRMED", "WAIVED", "WITHDRAWN", "PAID"]).optional()),
  })
  .meta({ id: "PenaltyListQuery" });

/** `GET /api/v1/suspensions`. */
export const suspensionQuerySchema = z
  .strictObject({
    districtCode: z.preprocess(emptyToUndef, z.string().max(20).optional()),
    active: z.preprocess(emptyToUndef, z.enum(["true", "false"]).optional()),
  })
  .meta({ id: "SuspensionQuery" });
