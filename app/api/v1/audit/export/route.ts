import { apiRoute, queryObject } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { exportAudit } from "@/lib/server/audit/export-audit";

export const GET = apiRoute(async ({ actor, req, locale, requestId }) =>
  xlsxResponse(await exportAudit(actor, queryObject(req), { locale, requestId }), "audit-log.xlsx"),
);
