import { apiRoute, readJson } from "@/lib/api/handler";
import { returnSheet } from "@/lib/server/self-reviews/review-sheet";

export const POST = apiRoute<{ id: string; unitId: string }>(async ({ actor, params, req, locale, requestId }) =>
  returnSheet(actor, params.id, params.unitId, await readJson(req), { locale, requestId }),
);
