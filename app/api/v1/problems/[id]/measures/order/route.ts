import { apiRoute, readJson } from "@/lib/api/handler";
import { reorderMeasures } from "@/lib/server/measures/reorder-measures";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  reorderMeasures(actor, params.id, await readJson(req), { locale, requestId }),
);
