import { apiRoute, readJson } from "@/lib/api/handler";
import { recordAssessment } from "@/lib/server/parks/park-writes";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    recordAssessment(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
