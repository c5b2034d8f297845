import { apiRoute, readJson } from "@/lib/api/handler";
import { recordAcceptance } from "@/lib/server/closure/record-acceptance";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    recordAcceptance(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
