import { apiRoute, queryObject } from "@/lib/api/handler";
import { getEnforcementSummary } from "@/lib/server/enforcement/get-enforcement-summary";

export const GET = apiRoute(({ actor, req, locale }) => getEnforcementSummary(actor, queryObject(req), { locale }));
