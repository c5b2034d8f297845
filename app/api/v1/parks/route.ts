import { apiRoute, readJson } from "@/lib/api/handler";
import { listParks } from "@/lib/server/parks/list-parks";
import { createPark } from "@/lib/server/parks/park-writes";

export const GET = apiRoute(({ actor }) => listParks(actor));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createPark(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
