import { apiRoute, readJson } from "@/lib/api/handler";
import { getClosureChecklistSetting } from "@/lib/server/closure/get-closure-checklist-setting";
import { updateClosureChecklistSetting } from "@/lib/server/closure/update-closure-checklist-setting";

export const GET = apiRoute(({ actor }) => getClosureChecklistSetting(actor));

export const PATCH = apiRoute(async ({ actor, req, locale, requestId }) =>
  updateClosureChecklistSetting(actor, await readJson(req), { locale, requestId }),
);
