import { apiRoute, readJson } from "@/lib/api/handler";
import { dismissClue } from "@/lib/server/clues/dismiss-clue";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  dismissClue(actor, params.id, await readJson(req), { locale, requestId }),
);
