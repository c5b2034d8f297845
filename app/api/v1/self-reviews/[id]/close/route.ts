import { apiRoute, readJson } from "@/lib/api/handler";
import { closeRound } from "@/lib/server/self-reviews/close-round";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, locale, requestId }) =>
  closeRound(actor, params.id, await readJson(req), { locale, requestId }),
);
