import { apiRoute, readJson } from "@/lib/api/handler";
import { endNotice } from "@/lib/server/closure/end-notice";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  endNotice(actor, params.id, await readJson(req), { locale, requestId }),
);
