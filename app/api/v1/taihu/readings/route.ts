import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { listReadings } from "@/lib/server/taihu/list-readings";
import { recordReading } from "@/lib/server/taihu/save-readings";

export const GET = apiRoute(({ actor, req, locale }) => listReadings(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => recordReading(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
