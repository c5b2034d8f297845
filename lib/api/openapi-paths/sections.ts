import {
  sectionCreateSchema,
  sectionImportResultSchema,
  sectionListQuerySchema,
  sectionSchema,
  sectionUpdateSchema,
  targetsPutSchema,
  targetsQuerySchema,
  targetsSchema,
} from "../../schemas/sections";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

export function sectionPaths(): Record<string, unknown> {
  const multipart = {
    required: true,
    content: {
      "multipart/form-data": {
        schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] },
      },
    },
  };
  return {
    "/api/v1/sections": {
      get: {
        summary:
          "Water sections (国考/省考断面) with their last 24 months of class; filter by district, level, active, met target in a period",
        parameters: queryParameters(sectionListQuerySchema),
        responses: { "200": { description: "Sections" }, ...errors(401, 422) },
      },
      post: {
        summary: "Register a section (coordinator, admin); audited",
        requestBody: { required: true, content: json(ref(sectionCreateSchema)) },
        responses: { "201": { description: "Created", content: json(ref(sectionSchema)) }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/sections/{id}": {
      get: {
        summary: "One section with its last 24 months",
        parameters: [idParam],
        responses: { "200": { description: "Section", content: json(ref(sectionSchema)) }, ...errors(401, 404) },
      },
      patch: {
        summary: "Edit a section with the version you saw; a stale version → 409 with the current section",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(sectionUpdateSchema)) },
        responses: {
          "200": { description: "Updated", content: json(ref(sectionSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/sections/import": {
      post: {
        summary:
          "Monthly results (CSV UTF-8 or XLSX: section_code,period,class,key_pollutant). Without ?commit=true a preview; any bad row → 422 listing every row in Chinese, nothing written; the same section-month again replaces it",
        parameters: [{ name: "commit", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } }],
        requestBody: multipart,
        responses: {
          "200": { description: "Previewed or imported", content: json(ref(sectionImportResultSchema)) },
          "422": { description: "Every bad row, nothing imported", content: json(ref(sectionImportResultSchema)) },
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/sections/import/template": {
      get: {
        summary:
          "The results template: CSV UTF-8 with one example row per active section, or with ?format=xlsx an XLSX workbook that adds a 说明 sheet and sheets of the registered sections and class spellings",
        parameters: [{ name: "format", in: "query", required: false, schema: { type: "string", enum: ["csv", "xlsx"] } }],
        responses: {
          "200": {
            description: "CSV or XLSX",
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: { type: "string", format: "binary" },
              },
            },
          },
          ...errors(401, 403),
        },
      },
    },
    "/api/v1/targets": {
      get: {
        summary: "Annual targets (年度目标) of the city and its districts for a year",
        parameters: queryParameters(targetsQuerySchema),
        responses: { "200": { description: "Targets", content: json(ref(targetsSchema)) }, ...errors(401, 422) },
      },
      put: {
        summary:
          "Set (or with null remove) targets of a year (coordinator, admin); each value checked against the indicator's range and precision; audited",
        requestBody: { required: true, content: json(ref(targetsPutSchema)) },
        responses: {
          "200": { description: "Targets after the change", content: json(ref(targetsSchema)) },
          ...errors(400, 401, 403, 422),
        },
      },
    },
  };
}
