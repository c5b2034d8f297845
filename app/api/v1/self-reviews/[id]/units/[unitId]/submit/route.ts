import { apiRoute, readJson } from "@/lib/api/handler";
import { submitSheet } from "@/lib/server/self-reviews/save-sheet";

export const POST = apiRoute<{ id: string; unitId: string }>(async ({ actor, params, req, locale, requestId }) =>
  submitSheet(actor, params.id, params.unitId, await readJson(req), { locale, requestId }),
);
