import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { createCampaign, listCampaigns } from "@/lib/server/enforcement/campaigns";

export const GET = apiRoute(({ actor, req, locale }) => listCampaigns(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createCampaign(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
