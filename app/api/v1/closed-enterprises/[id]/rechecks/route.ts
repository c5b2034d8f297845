import { apiRoute, readJson } from "@/lib/api/handler";
import { recordRecheck } from "@/lib/server/closed-enterprises/record-recheck";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    recordRecheck(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
