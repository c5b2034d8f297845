import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { deleteMeasure } from "@/lib/server/measures/delete-measure";
import { updateMeasure } from "@/lib/server/measures/update-measure";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateMeasure(actor, params.id, await readJson(req), { locale, requestId }),
);

/** The version the caller saw travels in the query string: `DELETE /measures/{id}?version=3`. */
export const DELETE = apiRoute<{ id: string }>(({ actor, req, params, locale, requestId }) =>
  deleteMeasure(actor, params.id, queryObject(req), { locale, requestId }),
);
