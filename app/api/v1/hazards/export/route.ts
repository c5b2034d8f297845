import { apiRoute, queryObject } from "@/lib/api/handler";
import { hazardExport } from "@/lib/server/hazards/export-hazards";
import { exportList } from "@/lib/server/office/list-export";

/** The hazards list (隐患清单) with its filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(hazardExport, actor, queryObject(req), { locale, requestId }),
);
