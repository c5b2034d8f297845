import { apiRoute, queryObject } from "@/lib/api/handler";
import { incidentExport } from "@/lib/server/incidents/export-incidents";
import { exportList } from "@/lib/server/office/list-export";

/** The incidents of a year (突发环境事件) with its filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(incidentExport, actor, queryObject(req), { locale, requestId }),
);
