import { apiRoute, readJson } from "@/lib/api/handler";
import { recordClosureStage } from "@/lib/server/closed-enterprises/record-closure-stage";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    recordClosureStage(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
