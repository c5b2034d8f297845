import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { penaltyExport } from "@/lib/server/penalties/export-penalties";

/** The penalty proposals and decisions of a year with the page's filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(penaltyExport, actor, queryObject(req), { locale, requestId }),
);
