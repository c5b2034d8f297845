import { apiRoute, readJson } from "@/lib/api/handler";
import { assignClue } from "@/lib/server/clues/assign-clue";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  assignClue(actor, params.id, await readJson(req), { locale, requestId }),
);
