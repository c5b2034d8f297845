import {
  clueAssignSchema,
  clueDismissSchema,
  clueListQuerySchema,
  projectCreateSchema,
  projectListQuerySchema,
  projectReviewSchema,
  sourceControlSchema,
} from "../../schemas/offsite";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

/** Off-site enforcement (monitoring import, clues) and source control "422" (construction projects). */
export function offsitePaths(): Record<string, unknown> {
  return {
    "/api/v1/monitoring/import": {
      post: {
        summary:
          "Hourly online-monitoring readings (CSV UTF-8 streamed, or XLSX; columns credit_code,outlet_code,pollutant,time,value,limit,unit; time in Beijing time, on the hour). Rows are accepted one by one: bad rows are skipped and counted (`rejected`), the first 200 listed in Chinese; a reading already stored for the outlet × pollutant × hour is a duplicate (kept as it was). Then raises clues (EXCEEDANCE, FLATLINE, GAP) → {imported, duplicates, rejected, clues, extended, errors}; 422 when no row was accepted",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] },
            },
          },
        },
        responses: { "200": { description: "Imported" }, ...errors(400, 401, 403, 413, 422) },
      },
    },
    "/api/v1/clues": {
      get: {
        summary:
          "Off-site clues in your scope (field officers: their district's and those assigned to them), newest first, with counts by status",
        parameters: queryParameters(clueListQuerySchema),
        responses: { "200": { description: "Clues" }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/clues/{id}": {
      get: {
        summary: "One clue with its readings (the window plus a day each side), its history and the people it may be assigned to",
        parameters: [idParam],
        responses: { "200": { description: "Clue" }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/clues/{id}/assign": {
      post: {
        summary: "Assign an open clue to a field officer of its district, a division head or the coordinator (OPEN → ASSIGNED)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(clueAssignSchema)) },
        responses: { "200": { description: "Assigned" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/clues/{id}/dismiss": {
      post: {
        summary:
          "Dismiss an open or assigned clue with a reason (maintenance filed, calibration, instrument fault, other + text)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(clueDismissSchema)) },
        responses: { "200": { description: "Dismissed" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/projects": {
      get: {
        summary: "Construction projects at the EIA stage in your scope, with their source-control checklist",
        parameters: queryParameters(projectListQuerySchema),
        responses: { "200": { description: "Projects" }, ...errors(401, 403, 422) },
      },
      post: {
        summary:
          "Submit a project for the source-control review; a district whose EIA intake is suspended by a penalty decision → 409",
        requestBody: { required: true, content: json(ref(projectCreateSchema)) },
        responses: { "201": { description: "Submitted" }, ...errors(400, 401, 403, 409, 422) },
      },
    },
    "/api/v1/projects/statistics": {
      get: {
        summary: "Which source-control item fails (NOT_MET) most, overall and by district",
        responses: { "200": { description: "Statistics" }, ...errors(401, 403) },
      },
    },
    "/api/v1/projects/{id}": {
      get: {
        summary: "One project with its checklist, reviews and history",
        parameters: [idParam],
        responses: { "200": { description: "Project" }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/projects/{id}/source-control": {
      put: {
        summary:
          "The eight-item checklist (PROCESS, EQUIPMENT, MATERIALS, CONDITIONS, RECOVERY, REUSE, FACILITY_STANDARD, FACILITY_EFFICIENCY), each MET / NOT_MET / NOT_APPLICABLE (with a reason); a refused project is resubmitted",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(sourceControlSchema)) },
        responses: { "200": { description: "Saved" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/projects/{id}/review": {
      post: {
        summary: "Pass or refuse a submitted project; never by its submitter (403); a pass with NOT_MET items → 422 naming them",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(projectReviewSchema)) },
        responses: { "200": { description: "Reviewed" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
  };
}
