import { incidentUpdateSchema } from "../../schemas/incident-edit";
import {
  incidentCreateSchema,
  incidentListQuerySchema,
  incidentPageSchema,
  incidentSchema,
  raiseProblemSchema,
  roundCloseSchema,
  roundCreateSchema,
  roundSchema,
  roundSummarySchema,
  sheetCommentSchema,
  sheetReturnSchema,
  sheetSaveSchema,
  sheetSchema,
  sheetSubmitSchema,
} from "../../schemas/self-review";
import {
  importResultSchema,
  pointCreateSchema,
  pointSchema,
  pointUpdateSchema,
  readingInputSchema,
  readingQuerySchema,
  readingSchema,
} from "../../schemas/taihu";
import { errors, idParam, type JsonSchema, json, queryParameters, ref } from "./helpers";

const array = (item: JsonSchema) => ({ type: "array", items: item });
const unitParam = { name: "unitId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const sheetParams = [idParam, unitParam];
const sheetAnswer = { "200": { description: "The sheet", content: json(ref(sheetSchema)) } };

/** The eight-question self-review (八个方面反思), Taihu safe summer (太湖安全度夏) and incidents (突发环境事件). */
export function reflectionPaths(): Record<string, unknown> {
  const post = (summary: string, body: JsonSchema, ok: Record<string, unknown> = sheetAnswer) => ({
    post: {
      summary,
      parameters: sheetParams,
      requestBody: { required: true, content: json(body) },
      responses: { ...ok, ...errors(400, 401, 403, 404, 409, 422) },
    },
  });
  return {
    "/api/v1/self-reviews": {
      get: {
        summary:
          "Self-review rounds in your scope (unit staff: the rounds their unit answers), newest first, with submitted and late counts",
        responses: { "200": { description: "Rounds", content: json(array(ref(roundSummarySchema))) }, ...errors(401) },
      },
      post: {
        summary: "Open a round (inspection office): title, period, due date, units; each unit's staff are notified",
        requestBody: { required: true, content: json(ref(roundCreateSchema)) },
        responses: { "201": { description: "Opened", content: json(ref(roundSchema)) }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/self-reviews/{id}": {
      get: {
        summary:
          "A round with one row per unit sheet in scope: status, late, and the eight submitted ratings keyed GOALS … RESULTS (the heat map)",
        parameters: [idParam],
        responses: { "200": { description: "Round", content: json(ref(roundSchema)) }, ...errors(401, 404) },
      },
    },
    "/api/v1/self-reviews/{id}/close": {
      post: {
        summary: "Close a round (inspection office): no more answers, comments or returns",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(roundCloseSchema)) },
        responses: { "200": { description: "Closed", content: json(ref(roundSchema)) }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/self-reviews/{id}/units/{unitId}": {
      get: {
        summary: "One unit's answers in a round",
        parameters: sheetParams,
        responses: { ...sheetAnswer, ...errors(401, 404) },
      },
      put: {
        summary: "Save a draft of any of the unit's eight answers (the unit's own staff); send the version you saw",
        parameters: sheetParams,
        requestBody: { required: true, content: json(ref(sheetSaveSchema)) },
        responses: { ...sheetAnswer, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/self-reviews/{id}/units/{unitId}/submit": post(
      "Submit the eight answers: each needs a rating 1–5, a finding of at least 10 characters and, for a rating of 3 or lower, what the unit will do (422 names answers.<QUESTION>.<field>)",
      ref(sheetSubmitSchema),
    ),
    "/api/v1/self-reviews/{id}/units/{unitId}/return": post(
      "A leader returns chosen answers of a submitted sheet with a reason; the unit's staff are notified, the unit edits and resubmits",
      ref(sheetReturnSchema),
    ),
    "/api/v1/self-reviews/{id}/units/{unitId}/comment": post("A leader comments on a submitted sheet", ref(sheetCommentSchema)),
    "/api/v1/self-reviews/{id}/units/{unitId}/problems": post(
      "Turn an answer's finding into a SELF_CHECK ledger problem led by the unit (leader or inspection office), linked back; one transaction; once per answer (409 after)",
      ref(raiseProblemSchema),
      { "201": { description: "The sheet, the answer linked to its problem", content: json(ref(sheetSchema)) } },
    ),
    "/api/v1/taihu/points": {
      get: {
        summary:
          "Monitoring points (lake zones, drinking-water sources) with thresholds, the latest reading's level and the open alert episode",
        responses: { "200": { description: "Points", content: json(array(ref(pointSchema))) }, ...errors(401) },
      },
      post: {
        summary: "Add a point with its thresholds (inspection office, administrators)",
        requestBody: { required: true, content: json(ref(pointCreateSchema)) },
        responses: { "201": { description: "Added", content: json(ref(pointSchema)) }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/taihu/points/{id}": {
      patch: {
        summary:
          "Edit a point (name, kind, location, district, duty leader, thresholds, active; the code stays) at the version last read; an empty value clears it; threshold changes are audited as thresholds.change",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(pointUpdateSchema)) },
        responses: { "200": { description: "Saved", content: json(ref(pointSchema)) }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/taihu/readings/import/template": {
      get: {
        summary: "The XLSX template of the readings import, with the points the caller may record for",
        responses: {
          "200": {
            description: "Template",
            content: {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: { type: "string", format: "binary" },
              },
            },
          },
          ...errors(401, 403),
        },
      },
    },
    "/api/v1/taihu/readings": {
      get: {
        summary:
          "Daily readings between from and to (default the last 30 days), with each reading's level (0 none, 1 warning, 2 alert)",
        parameters: queryParameters(readingQuerySchema),
        responses: { "200": { description: "Readings", content: json(array(ref(readingSchema))) }, ...errors(401, 422) },
      },
      post: {
        summary:
          "Record one day's reading of a point (a second entry for the same day replaces it); field officers for their district's points",
        requestBody: { required: true, content: json(ref(readingInputSchema)) },
        responses: { "201": { description: "Recorded", content: json(ref(readingSchema)) }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    "/api/v1/taihu/readings/import": {
      post: {
        summary:
          "Import readings from a CSV (UTF-8) or XLSX `file` (multipart): header 点位编号, 日期, 藻密度, 水华面积, 湖泛, 湖泛面积, 水源地状态, 备注 (or the field names); dates as Excel date cells, serials or typed (2026-07-15, 2026/7/15, 2026年7月15日). `?preview=true` only checks (counts new and replaced days, first rows). Any bad row → 422 with every row's column and reason, nothing written",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] },
            },
          },
        },
        responses: { "200": { description: "Imported", content: json(ref(importResultSchema)) }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/incidents/{id}": {
      put: {
        summary:
          "Edit an incident in scope at the version last read (field officers: their district's, and it stays there); linked problems the editor cannot see are kept; audited",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(incidentUpdateSchema)) },
        responses: {
          "200": { description: "Saved", content: json(ref(incidentSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/incidents": {
      get: {
        summary: "Incidents of a year in scope (field officers: their district), with the monthly count against last year",
        parameters: queryParameters(incidentListQuerySchema),
        responses: { "200": { description: "Incidents", content: json(ref(incidentPageSchema)) }, ...errors(401, 422) },
      },
      post: {
        summary: "Record an incident (inspection office; field officers in their district)",
        requestBody: { required: true, content: json(ref(incidentCreateSchema)) },
        responses: { "201": { description: "Recorded", content: json(ref(incidentSchema)) }, ...errors(400, 401, 403, 422) },
      },
    },
  };
}
