import { apiRoute, readJson } from "@/lib/api/handler";
import { editPreventionItem } from "@/lib/server/parks/edit-prevention-item";
import { updatePreventionItem } from "@/lib/server/parks/park-writes";

export const PATCH = apiRoute<{ id: string; itemId: string }>(async ({ actor, req, params, locale, requestId }) =>
  updatePreventionItem(actor, params.id, params.itemId, await readJson(req), { locale, requestId }),
);

/** Edit the whole plan item (coordinator), with the version seen. */
export const PUT = apiRoute<{ id: string; itemId: string }>(async ({ actor, req, params, locale, requestId }) =>
  editPreventionItem(actor, params.id, params.itemId, await readJson(req), { locale, requestId }),
);
