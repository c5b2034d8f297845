import { apiRoute, queryObject } from "@/lib/api/handler";
import { getPenalties } from "@/lib/server/penalties/list-penalties";

export const GET = apiRoute(({ actor, req, locale }) => getPenalties(actor, queryObject(req), { locale }));
