import { apiRoute, queryObject } from "@/lib/api/handler";
import { clueExport } from "@/lib/server/clues/export-clues";
import { exportList } from "@/lib/server/office/list-export";

/** The off-site enforcement clues with their filters, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(clueExport, actor, queryObject(req), { locale, requestId }),
);
