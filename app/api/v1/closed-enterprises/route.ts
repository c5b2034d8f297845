import { apiRoute, queryObject } from "@/lib/api/handler";
import { listClosedEnterprises } from "@/lib/server/closed-enterprises/list-closed-enterprises";

export const GET = apiRoute(({ actor, req, locale }) => listClosedEnterprises(actor, queryObject(req), { locale }));
