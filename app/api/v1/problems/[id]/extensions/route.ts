import { apiRoute, readJson } from "@/lib/api/handler";
import { listProblemExtensions } from "@/lib/server/extensions/list-extensions";
import { requestExtension } from "@/lib/server/extensions/request-extension";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => listProblemExtensions(actor, params.id));

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    requestExtension(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
