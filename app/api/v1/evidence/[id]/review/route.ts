import { apiRoute, readJson } from "@/lib/api/handler";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  reviewEvidence(actor, params.id, await readJson(req), { locale, requestId }),
);
