import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { roundResultsExport } from "@/lib/server/self-reviews/export-round";

/** One self-review round's results, a row per unit sheet the person may see, streamed as XLSX (default) or CSV. */
export const GET = apiRoute<{ id: string }>(({ actor, req, params, locale, requestId }) =>
  exportList(roundResultsExport, actor, { ...queryObject(req), roundId: params.id }, { locale, requestId }),
);
