import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { listIncidents } from "@/lib/server/incidents/list-incidents";
import { recordIncident } from "@/lib/server/incidents/record-incident";

export const GET = apiRoute(({ actor, req, locale }) => listIncidents(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => recordIncident(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
