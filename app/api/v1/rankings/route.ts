import { apiRoute, queryObject } from "@/lib/api/handler";
import { getRankings } from "@/lib/server/indicators/get-rankings";

export const GET = apiRoute(({ actor, req, locale }) => getRankings(actor, queryObject(req), { locale }));
