import { apiRoute, readJson } from "@/lib/api/handler";
import { getPark } from "@/lib/server/parks/list-parks";
import { updatePark } from "@/lib/server/parks/update-park";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getPark(actor, params.id));

export const PUT = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updatePark(actor, params.id, await readJson(req), { locale, requestId }),
);
