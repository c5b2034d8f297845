import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { listEnterprises } from "@/lib/server/enforcement/list-enterprises";
import { createEnterprise } from "@/lib/server/enforcement/save-enterprise";

export const GET = apiRoute(({ actor, req, locale }) => listEnterprises(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createEnterprise(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
