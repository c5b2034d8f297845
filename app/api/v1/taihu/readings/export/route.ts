import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { taihuReadingExport } from "@/lib/server/taihu/export-readings";

/** The Taihu readings of a period (from, to, pointCode), streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(taihuReadingExport, actor, queryObject(req), { locale, requestId }),
);
