import { apiRoute, queryObject } from "@/lib/api/handler";
import { listSuspensions } from "@/lib/server/penalties/suspensions";

export const GET = apiRoute(({ actor, req, locale }) => listSuspensions(actor, queryObject(req), { locale }));
