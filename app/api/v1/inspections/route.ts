import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { createInspection } from "@/lib/server/enforcement/create-inspection";
import { listInspections } from "@/lib/server/enforcement/list-inspections";

export const GET = apiRoute(({ actor, req, locale }) => listInspections(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createInspection(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
