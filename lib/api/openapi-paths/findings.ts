import {
  confirmFakeResultSchema,
  confirmFakeSchema,
  findingListSchema,
  findingSchema,
  perfunctoryFindingSchema,
  withdrawFindingSchema,
} from "../../schemas/findings";
import { errors, idParam, json, ref } from "./helpers";

/** Findings of false or perfunctory rectification (敷衍/虚假整改). */
export function findingPaths(): Record<string, unknown> {
  return {
    "/api/v1/evidence/{id}/confirm-fake": {
      post: {
        summary:
          "Confirm a piece of evidence as suspected fake (coordinator): creates a FAKE_EVIDENCE finding on its problem and returns the " +
          "evidence (reason code SUSPECTED_FAKE) unless already returned or superseded. `reason` required. A second confirmation → 409",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(confirmFakeSchema)) },
        responses: {
          "201": { description: "Finding established", content: json(ref(confirmFakeResultSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/problems/{id}/findings": {
      get: {
        summary: "The problem's findings of false or perfunctory rectification, standing and withdrawn, newest first",
        parameters: [idParam],
        responses: { "200": { description: "Findings", content: json(ref(findingListSchema)) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Record that the problem was rectified perfunctorily (leader): a PERFUNCTORY finding, `reason` required. " +
          "One standing finding of this kind per problem (409 until withdrawn)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(perfunctoryFindingSchema)) },
        responses: {
          "201": { description: "Finding established", content: json(ref(findingSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/findings/{id}/withdraw": {
      post: {
        summary:
          "Withdraw a finding (leader), `reason` required: it no longer counts for the penalty rule; the record stays. Twice → 409",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(withdrawFindingSchema)) },
        responses: {
          "200": { description: "Withdrawn", content: json(ref(findingSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
  };
}
