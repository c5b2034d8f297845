import { apiRoute, queryObject } from "@/lib/api/handler";
import { listLateReporters } from "@/lib/server/reports/list-late-reporters";

export const GET = apiRoute(async ({ actor, req, locale }) => ({
  items: await listLateReporters(actor, queryObject(req), { locale }),
}));
