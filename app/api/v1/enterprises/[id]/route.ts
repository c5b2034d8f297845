import { apiRoute, readJson } from "@/lib/api/handler";
import { getEnterprise } from "@/lib/server/enforcement/get-enterprise";
import { updateEnterprise } from "@/lib/server/enforcement/save-enterprise";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getEnterprise(actor, params.id));

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateEnterprise(actor, params.id, await readJson(req), { locale, requestId }),
);
