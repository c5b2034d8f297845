import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { projectExport } from "@/lib/server/projects/export-projects";

/** The construction projects ("422" source control) with their filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(projectExport, actor, queryObject(req), { locale, requestId }),
);
