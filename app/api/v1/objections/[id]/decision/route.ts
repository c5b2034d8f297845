import { apiRoute, readJson } from "@/lib/api/handler";
import { decideObjection } from "@/lib/server/closure/decide-objection";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  decideObjection(actor, params.id, await readJson(req), { locale, requestId }),
);
