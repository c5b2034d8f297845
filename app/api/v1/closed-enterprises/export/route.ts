import { apiRoute, queryObject } from "@/lib/api/handler";
import { closedEnterpriseExport } from "@/lib/server/closed-enterprises/export-closed-enterprises";
import { exportList } from "@/lib/server/office/list-export";

/** The closed chemical enterprises with the page's filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(closedEnterpriseExport, actor, queryObject(req), { locale, requestId }),
);
