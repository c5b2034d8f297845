import { apiRoute, queryObject } from "@/lib/api/handler";
import { rankingExport } from "@/lib/server/indicators/export-rankings";
import { exportList } from "@/lib/server/office/list-export";

/** One indicator's ranking (scope, indicator, period, cumulative), streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(rankingExport, actor, queryObject(req), { locale, requestId }),
);
