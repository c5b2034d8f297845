import { apiRoute, queryObject } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { exportEnforcementSummary } from "@/lib/server/enforcement/export-enforcement-summary";

export const GET = apiRoute(async ({ actor, req, locale, requestId }) =>
  xlsxResponse(await exportEnforcementSummary(actor, queryObject(req), { locale, requestId }), "enforcement-summary.xlsx"),
);
