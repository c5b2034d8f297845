import { CLOSURE_STAGES } from "../../domain/bottom-line";
import {
  assessmentSchema,
  closedEnterpriseQuerySchema,
  closureStageSchema,
  drillSchema,
  hazardListQuerySchema,
  hazardsToProblemsSchema,
  parkCreateSchema,
  parkUpdateSchema,
  preventionItemEditSchema,
  preventionItemSchema,
  preventionProgressSchema,
  recheckSchema,
  sweepCheckSchema,
  sweepCreateSchema,
  sweepUpdateSchema,
} from "../../schemas/bottom-line";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

const multipart = (fields: string[]) => ({
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object",
        properties: {
          file: { type: "string", format: "binary" },
          ...Object.fromEntries(fields.map((f) => [f, { type: "string" }])),
        },
        required: ["file", ...fields],
      },
    },
  },
});
const itemParam = { name: "itemId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

/** Hazard sweeps, hazards, closed chemical enterprises and parks' three-level prevention (the bottom line). */
export function bottomLinePaths(): Record<string, unknown> {
  return {
    "/api/v1/sweeps": {
      get: {
        summary: "Hazard sweeps (隐患排查), newest first, with progress per district over your scope",
        responses: { "200": { description: "Sweeps" }, ...errors(401, 403) },
      },
      post: {
        summary:
          "Open a sweep (coordinator): a kept checklist template or a new one, targets by register tags and/or parks; audited",
        requestBody: { required: true, content: json(ref(sweepCreateSchema)) },
        responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/sweeps/{id}": {
      get: {
        summary: "One sweep with its checklist and its targets in your scope",
        parameters: [idParam],
        responses: { "200": { description: "Sweep" }, ...errors(401, 403, 404) },
      },
      put: {
        summary:
          "Edit a sweep (coordinator) while no target is checked: title, window, checklist, targets chosen afresh; once checked → 409",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(sweepUpdateSchema)) },
        responses: { "200": { description: "Updated" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/sweeps/{id}/checks": {
      get: {
        summary: "The sweep's targets in your scope with their results",
        parameters: [idParam],
        responses: { "200": { description: "Targets" }, ...errors(401, 403, 404) },
      },
      post: {
        summary:
          "Record a target's on-site check (field officer of its district, coordinator): every item PASS / FAIL / NOT_APPLICABLE; each FAIL a hazard with level and deadline; once per target (409 after)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(sweepCheckSchema)) },
        responses: { "201": { description: "Recorded" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/sweeps/{id}/checks/{targetId}/photos": {
      post: {
        summary:
          "A photo of one item of a checked target (multipart `itemId`, `file`): the evidence pipeline's type, size and pixel checks, SHA-256, thumbnail",
        parameters: [idParam, { name: "targetId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody: multipart(["itemId"]),
        responses: { "201": { description: "Stored" }, ...errors(400, 401, 403, 404, 413, 422) },
      },
    },
    "/api/v1/closed-enterprises/{id}/stages/{stage}/files": {
      post: {
        summary: "A document or photo of a recorded closure stage (multipart `file`)",
        parameters: [
          idParam,
          { name: "stage", in: "path", required: true, schema: { type: "string", enum: [...CLOSURE_STAGES] } },
        ],
        requestBody: multipart([]),
        responses: { "201": { description: "Stored" }, ...errors(400, 401, 403, 404, 413, 422) },
      },
    },
    "/api/v1/bottom-line-files/{id}": {
      get: {
        summary:
          "The bytes of a sweep photo or closure-stage file (`variant=thumb`: the image's thumbnail), as an attachment with nosniff",
        parameters: [idParam, { name: "variant", in: "query", required: false, schema: { type: "string", enum: ["thumb"] } }],
        responses: { "200": { description: "The file" }, ...errors(401, 404) },
      },
    },
    "/api/v1/hazards": {
      get: {
        summary:
          "Hazards in your scope, earliest deadline first, coloured like problems; filter by sweep, level, district, open, overdue",
        parameters: queryParameters(hazardListQuerySchema),
        responses: { "200": { description: "Hazards" }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/hazards/problems": {
      post: {
        summary:
          "Turn hazards into ledger problems (coordinator): source HAZARD_SWEEP, category RISK, enterprise set, linked back — all in one transaction or none",
        requestBody: { required: true, content: json(ref(hazardsToProblemsSchema)) },
        responses: { "201": { description: "Problems made" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/closed-enterprises": {
      get: {
        summary:
          "Chemical enterprises closed within the last `closedChemicalYears` years, in your scope; notRechecked=true: not re-checked this year",
        parameters: queryParameters(closedEnterpriseQuerySchema),
        responses: { "200": { description: "Closed enterprises" }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/closed-enterprises/{id}": {
      get: {
        summary: "One closed chemical enterprise with its closure stages and re-checks",
        parameters: [idParam],
        responses: { "200": { description: "Enterprise" }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/closed-enterprises/{id}/stages": {
      post: {
        summary:
          "Record the next closure stage in order (out of order → 422 naming the missing stage); REMEDIATED alone may be skipped with a reason",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(closureStageSchema)) },
        responses: { "201": { description: "Recorded" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/closed-enterprises/{id}/rechecks": {
      post: {
        summary: "Record a re-check (复查): date, inspector, findings, OK or not",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(recheckSchema)) },
        responses: { "201": { description: "Recorded" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/parks": {
      get: {
        summary: "Parks in your scope with their three-level roll-ups, coloured by pace",
        responses: { "200": { description: "Parks" }, ...errors(401, 403) },
      },
      post: {
        summary: "Register a park and the register enterprises in it (coordinator)",
        requestBody: { required: true, content: json(ref(parkCreateSchema)) },
        responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/parks/{id}": {
      get: {
        summary: "One park: enterprises, plan items, assessments, drills",
        parameters: [idParam],
        responses: { "200": { description: "Park" }, ...errors(401, 403, 404) },
      },
      put: {
        summary: "Edit a park's registration (coordinator); the enterprises listed are the park's afterwards",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(parkUpdateSchema)) },
        responses: { "200": { description: "Updated" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/parks/{id}/items": {
      post: {
        summary: "Add a construction-plan item at a level (coordinator)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(preventionItemSchema)) },
        responses: { "201": { description: "Added" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/parks/{id}/items/{itemId}": {
      patch: {
        summary: "Report the quantity done, with the version you saw (stale → 409)",
        parameters: [idParam, itemParam],
        requestBody: { required: true, content: json(ref(preventionProgressSchema)) },
        responses: { "200": { description: "Updated" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
      put: {
        summary: "Edit the whole plan item (coordinator), with the version you saw (stale → 409)",
        parameters: [idParam, itemParam],
        requestBody: { required: true, content: json(ref(preventionItemEditSchema)) },
        responses: { "200": { description: "Updated" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/parks/{id}/assessments": {
      post: {
        summary: "Record an assessment of the park's three-level prevention (coordinator)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(assessmentSchema)) },
        responses: { "201": { description: "Recorded" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/parks/{id}/drills": {
      post: {
        summary: "Record a drill held; naming a DRILL plan item counts it there",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(drillSchema)) },
        responses: { "201": { description: "Recorded" }, ...errors(400, 401, 403, 404, 422) },
      },
    },
  };
}
