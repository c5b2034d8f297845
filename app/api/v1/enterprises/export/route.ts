import { apiRoute, queryObject } from "@/lib/api/handler";
import { enterpriseExport } from "@/lib/server/enforcement/export-enterprises";
import { exportList } from "@/lib/server/office/list-export";

/** The register (企业库) with the page's filters, in the import's columns, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(enterpriseExport, actor, queryObject(req), { locale, requestId }),
);
