import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { listSections } from "@/lib/server/sections/list-sections";
import { createSection } from "@/lib/server/sections/save-section";

export const GET = apiRoute(({ actor, req, locale }) => listSections(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createSection(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
