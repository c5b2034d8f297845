import { apiRoute, queryObject } from "@/lib/api/handler";
import { listHazards } from "@/lib/server/hazards/list-hazards";

export const GET = apiRoute(({ actor, req, locale }) => listHazards(actor, queryObject(req), { locale }));
