import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { parkExport } from "@/lib/server/parks/export-parks";

/** The parks' three-level prevention (三级防控), streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(parkExport, actor, queryObject(req), { locale, requestId }),
);
