import { apiRoute, queryObject } from "@/lib/api/handler";
import { listExtensions } from "@/lib/server/extensions/list-extensions";

export const GET = apiRoute(({ actor, req, locale }) => listExtensions(actor, queryObject(req), { locale }));
