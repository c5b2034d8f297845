import { apiRoute, readJson } from "@/lib/api/handler";
import { updateIncident } from "@/lib/server/incidents/update-incident";

/** Edit an incident in scope at the version last read (field officers: their district's). */
export const PUT = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateIncident(actor, params.id, await readJson(req), { locale, requestId }),
);
