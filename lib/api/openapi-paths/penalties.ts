import {
  penaltyDecisionSchema,
  penaltyEvaluateSchema,
  penaltyListQuerySchema,
  penaltyPaymentSchema,
  penaltyRulesPatchSchema,
  suspensionQuerySchema,
} from "../../schemas/penalties";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

export function penaltyPaths(): Record<string, unknown> {
  return {
    "/api/v1/penalties": {
      get: {
        summary:
          "Penalty proposals (惩戒建议) and decisions of a year, fired up to `month` when given, filtered by district and status; with a month also every district's hits as evaluated live (`items`, `totalFee`)",
        parameters: queryParameters(penaltyListQuerySchema),
        responses: { "200": { description: "Proposals and decisions" }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/penalties/evaluate": {
      post: {
        summary:
          "Evaluate a month into proposals, idempotently (new episodes proposed, undecided ones whose trigger no longer holds withdrawn); coordinator or leader",
        requestBody: { required: true, content: json(ref(penaltyEvaluateSchema)) },
        responses: {
          "200": { description: "Counts of created, updated, withdrawn and unchanged proposals" },
          ...errors(400, 401, 403, 422),
        },
      },
    },
    "/api/v1/penalties/{id}/decision": {
      post: {
        summary:
          "A leader confirms (认定 → a numbered decision, the amount within the collection's cap, suspensions) or waives (reason required) a proposal at its version",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(penaltyDecisionSchema)) },
        responses: { "200": { description: "Decided" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/penalties/decisions/{id}/payment": {
      post: {
        summary: "The coordinator records a decision's fee as paid on a date",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(penaltyPaymentSchema)) },
        responses: { "200": { description: "Paid" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/penalties/decisions/{id}/notice": {
      get: {
        summary: "The fee notice (缴款通知书) of a decision as a Word document",
        parameters: [idParam],
        responses: {
          "200": {
            description: "The .docx",
            content: {
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                schema: { type: "string", format: "binary" },
              },
            },
          },
          ...errors(401, 403, 404),
        },
      },
    },
    "/api/v1/penalty-rules": {
      get: {
        summary: "The versions of the penalty rules and the one in force this month",
        responses: { "200": { description: "Versions" }, ...errors(401, 403) },
      },
      patch: {
        summary:
          "An administrator sets a new version of the rules effective from a month (the rules in force then with the keys given changed); each bad key named in a 422",
        requestBody: { required: true, content: json(ref(penaltyRulesPatchSchema)) },
        responses: { "200": { description: "The new version" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/suspensions": {
      get: {
        summary: "Suspensions of penalty decisions (EIA intake, honours, funding applications), by district, active today or not",
        parameters: queryParameters(suspensionQuerySchema),
        responses: { "200": { description: "Suspensions" }, ...errors(401, 403, 422) },
      },
    },
  };
}
