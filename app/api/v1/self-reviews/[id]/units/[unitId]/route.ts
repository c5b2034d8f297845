import { apiRoute, readJson } from "@/lib/api/handler";
import { getSheet } from "@/lib/server/self-reviews/get-sheet";
import { saveSheet } from "@/lib/server/self-reviews/save-sheet";

type P = { id: string; unitId: string };

export const GET = apiRoute<P>(({ actor, params }) => getSheet(actor, params.id, params.unitId));

export const PUT = apiRoute<P>(async ({ actor, params, req, locale, requestId }) =>
  saveSheet(actor, params.id, params.unitId, await readJson(req), { locale, requestId }),
);
