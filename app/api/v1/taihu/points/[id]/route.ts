import { apiRoute, readJson } from "@/lib/api/handler";
import { updatePoint } from "@/lib/server/taihu/update-point";

/** Edit a point (name, kind, location, district, duty leader, thresholds, active) at the version last read. */
export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updatePoint(actor, params.id, await readJson(req), { locale, requestId }),
);
