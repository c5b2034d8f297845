import { importResultSchema, rankingQuerySchema, rankingSchema } from "../../schemas/indicator";
import { errors, json, queryParameters, ref } from "./helpers";

export function indicatorPaths(): Record<string, unknown> {
  return {
    "/api/v1/indicators/import": {
      post: {
        summary:
          "Import indicator values (CSV UTF-8 or XLSX: unit_code,unit_name,period,cumulative,indicator,value); any bad row → 422 listing every row in Chinese, nothing imported. `?preview=true` only checks: rows, values to add and replace, the first 10 rows (`sample`)",
        parameters: [{ name: "preview", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } }],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] },
            },
          },
        },
        responses: {
          "200": {
            description: "Imported, or previewed (`preview: true`, `rows`, `sample`)",
            content: json(ref(importResultSchema)),
          },
          "422": { description: "Every bad row, nothing imported", content: json(ref(importResultSchema)) },
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/indicators/import/template": {
      get: {
        summary:
          "The indicator import template (XLSX): the columns the import reads, an example row, a 说明 sheet and sheets of the registered unit codes and the indicators",
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
    "/api/v1/rankings": {
      get: {
        summary:
          "Rank the province's cities (PROVINCE_CITIES), its county-level units (PROVINCE_COUNTIES) or the city's districts (CITY_DISTRICTS) on an indicator and period, with target-line badges; `named` comes from the province's published worst list (`namedBy`), null when unknown",
        parameters: queryParameters(rankingQuerySchema),
        responses: { "200": { description: "Ranking", content: json(ref(rankingSchema)) }, ...errors(401, 422) },
      },
    },
    "/api/v1/dashboard/summary": {
      get: {
        summary:
          "Rectification performance (totals by status and colour, on-time closure rate, overdue count and days, extensions) overall and per district, lead division and lead official, within your scope",
        responses: { "200": { description: "Summary" }, ...errors(401) },
      },
    },
  };
}
