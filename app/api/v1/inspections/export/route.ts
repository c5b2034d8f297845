import { apiRoute, queryObject } from "@/lib/api/handler";
import { inspectionExport } from "@/lib/server/enforcement/export-lists";
import { exportList } from "@/lib/server/office/list-export";

/** The inspections list with its filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(inspectionExport, actor, queryObject(req), { locale, requestId }),
);
