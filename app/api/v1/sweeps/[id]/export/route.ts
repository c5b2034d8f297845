import { apiRoute, queryObject } from "@/lib/api/handler";
import { exportList } from "@/lib/server/office/list-export";
import { sweepTargetsExport } from "@/lib/server/sweeps/export-sweeps";

/** One sweep's targets with their check results (the person's districts), streamed as XLSX (default) or CSV. */
export const GET = apiRoute<{ id: string }>(({ actor, req, params, locale, requestId }) =>
  exportList(sweepTargetsExport, actor, { ...queryObject(req), sweepId: params.id }, { locale, requestId }),
);
