import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { getTargets, putTargets } from "@/lib/server/targets/annual-targets";

export const GET = apiRoute(({ actor, req, locale }) => getTargets(actor, queryObject(req), { locale }));

export const PUT = apiRoute(async ({ actor, req, locale, requestId }) =>
  putTargets(actor, await readJson(req), { locale, requestId }),
);
