import { apiRoute, readJson } from "@/lib/api/handler";
import { getSection } from "@/lib/server/sections/list-sections";
import { updateSection } from "@/lib/server/sections/save-section";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getSection(actor, params.id));

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateSection(actor, params.id, await readJson(req), { locale, requestId }),
);
