import { apiRoute, queryObject } from "@/lib/api/handler";
import { listAudit } from "@/lib/server/audit/list-audit";

export const GET = apiRoute(({ actor, req, locale }) => listAudit(actor, queryObject(req), { locale }));
