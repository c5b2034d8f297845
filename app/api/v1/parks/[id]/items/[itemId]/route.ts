import { apiRoute, readJson } from "@/lib/api/handler";
import { updatePreventionItem } from "@/lib/server/parks/park-writes";

export const PATCH = apiRoute<{ id: string; itemId: string }>(async ({ actor, req, params, locale, requestId }) =>
  updatePreventionItem(actor, params.id, params.itemId, await readJson(req), { locale, requestId }),
);
