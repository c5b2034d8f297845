import {
  measureCompleteSchema,
  measureCreateSchema,
  measureDeleteQuerySchema,
  measureDetailSchema,
  measureListSchema,
  measureOrderSchema,
  measureUpdateSchema,
} from "../../schemas/measure";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

/** Measures (整改措施) of a problem: list, add, edit, progress, complete, reorder, delete. */
export function measurePaths(): Record<string, unknown> {
  return {
    "/api/v1/problems/{id}/measures": {
      get: {
        summary: "The problem's measures in order, with the progress and colour they add up to",
        parameters: [idParam],
        responses: { "200": { description: "Measures", content: json(ref(measureListSchema)) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Add a measure at the end (coordinator, or the head of the lead division) while the problem has not applied for closure",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(measureCreateSchema)) },
        responses: {
          "201": { description: "Created", content: json(ref(measureDetailSchema)) },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    "/api/v1/problems/{id}/measures/order": {
      post: {
        summary: "Put the measures in a new order: every measure id exactly once; they are numbered 1..n",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(measureOrderSchema)) },
        responses: {
          "200": { description: "Measures in the new order", content: json(ref(measureListSchema)) },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    "/api/v1/measures/{id}": {
      patch: {
        summary:
          "Edit a measure's details (coordinator, lead division) and/or its percent done (also the owning unit and field officers in the problem's district); status and completion follow the percent. Send the version you saw",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(measureUpdateSchema)) },
        responses: {
          "200": { description: "Updated", content: json(ref(measureDetailSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
      delete: {
        summary: "Delete a measure that has not started, while the problem is not past rectification; `version` in the query",
        parameters: [idParam, ...queryParameters(measureDeleteQuerySchema).map((p) => ({ ...p, required: true }))],
        responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/measures/{id}/complete": {
      post: {
        summary: "Mark a measure done (100 %, completed now); send the version you saw",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(measureCompleteSchema)) },
        responses: {
          "200": { description: "Completed", content: json(ref(measureDetailSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
  };
}
