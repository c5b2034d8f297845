import { apiRoute, readJson } from "@/lib/api/handler";
import { saveSourceControl } from "@/lib/server/projects/save-source-control";

export const PUT = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  saveSourceControl(actor, params.id, await readJson(req), { locale, requestId }),
);
