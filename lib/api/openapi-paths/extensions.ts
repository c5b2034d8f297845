import {
  extensionDecisionSchema,
  extensionListQuerySchema,
  extensionPageSchema,
  extensionRequestSchema,
  extensionSchema,
} from "../../schemas/extension";
import { errors, idParam, json, list, queryParameters, ref } from "./helpers";

/** Deadline extensions (延期): request, decision, history and totals. */
export function extensionPaths(): Record<string, unknown> {
  return {
    "/api/v1/problems/{id}/extensions": {
      get: {
        summary: "The problem's extension requests (its deadline history), newest first",
        parameters: [idParam],
        responses: { "200": { description: "Extensions", content: json(list(ref(extensionSchema))) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Request a later deadline (coordinator, or the head of the lead division); one pending request at a time (409 with the pending one); the lead official is notified",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(extensionRequestSchema)) },
        responses: {
          "201": { description: "Requested", content: json(ref(extensionSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/extensions": {
      get: {
        summary:
          "Extensions within your scope, filtered and paged, with totals by status (every extension counts in the statistics)",
        parameters: queryParameters(extensionListQuerySchema),
        responses: { "200": { description: "Extensions", content: json(ref(extensionPageSchema)) }, ...errors(401, 422) },
      },
    },
    "/api/v1/extensions/{id}/decision": {
      post: {
        summary:
          "The problem's lead official approves (the deadline moves, the original stays visible, escalation restarts) or rejects (a comment is required); send the version you saw",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(extensionDecisionSchema)) },
        responses: {
          "200": { description: "Decided", content: json(ref(extensionSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
  };
}
