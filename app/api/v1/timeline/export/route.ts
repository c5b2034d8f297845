import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { timelineExport } from "@/lib/server/timeline/export-timeline";

/** The timeline board (挂图作战) with its filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(timelineExport, actor, queryObject(req), { locale, requestId }),
);
