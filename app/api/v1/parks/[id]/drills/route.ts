import { apiRoute, readJson } from "@/lib/api/handler";
import { recordDrill } from "@/lib/server/parks/park-writes";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) => recordDrill(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
