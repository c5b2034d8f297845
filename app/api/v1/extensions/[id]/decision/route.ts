import { apiRoute, readJson } from "@/lib/api/handler";
import { decideExtension } from "@/lib/server/extensions/decide-extension";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  decideExtension(actor, params.id, await readJson(req), { locale, requestId }),
);
