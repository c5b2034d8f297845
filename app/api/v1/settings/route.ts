import { apiRoute, readJson } from "@/lib/api/handler";
import { readSettings } from "@/lib/server/settings/get-settings";
import { updateSettings } from "@/lib/server/settings/update-settings";

export const GET = apiRoute(({ actor }) => readSettings(actor));

export const PATCH = apiRoute(async ({ actor, req, locale, requestId }) =>
  updateSettings(actor, await readJson(req), { locale, requestId }),
);
