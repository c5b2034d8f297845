import { apiRoute, readJson } from "@/lib/api/handler";
import { completeMeasure } from "@/lib/server/measures/complete-measure";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  completeMeasure(actor, params.id, await readJson(req), { locale, requestId }),
);
