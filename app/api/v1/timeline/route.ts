import { apiRoute, queryObject } from "@/lib/api/handler";
import { getTimeline } from "@/lib/server/timeline/get-timeline";

export const GET = apiRoute(({ actor, req, locale }) => getTimeline(actor, queryObject(req), { locale }));
