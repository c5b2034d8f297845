import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteUnit, updateUnit } from "@/lib/server/units/manage-units";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateUnit(actor, params.id, await readJson(req), { locale, requestId }),
);

/** Only a unit nothing points to; otherwise 409 naming what does (deactivate it instead). */
export const DELETE = apiRoute<{ id: string }>(({ actor, params, locale, requestId }) =>
  deleteUnit(actor, params.id, { locale, requestId }),
);
