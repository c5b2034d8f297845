import { apiRoute, queryObject } from "@/lib/api/handler";
import { campaignProgressExport } from "@/lib/server/enforcement/export-campaign-progress";
import { exportList } from "@/lib/server/office/list-export";

/** One campaign's progress per action and district, streamed as XLSX (default) or CSV. */
export const GET = apiRoute<{ id: string }>(({ actor, req, params, locale, requestId }) =>
  exportList(campaignProgressExport, actor, { ...queryObject(req), campaignId: params.id }, { locale, requestId }),
);
