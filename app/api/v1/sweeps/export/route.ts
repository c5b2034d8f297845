import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { sweepListExport } from "@/lib/server/sweeps/export-sweeps";

/** The hazard sweeps (隐患排查任务) as the list shows them, streamed as XLSX (default) or CSV. */
export const GET = apiRoute(({ actor, req, locale, requestId }) =>
  exportList(sweepListExport, actor, queryObject(req), { locale, requestId }),
);
