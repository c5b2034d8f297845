import { apiRoute, queryObject } from "@/lib/api/handler";
import { listAtRisk } from "@/lib/server/escalation/list-at-risk";

export const GET = apiRoute(({ actor, req, locale }) => listAtRisk(actor, queryObject(req), { locale }));
