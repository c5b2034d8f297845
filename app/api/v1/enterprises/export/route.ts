import { apiRoute, queryObject } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { exportEnterprises } from "@/lib/server/enforcement/export-enterprises";

export const GET = apiRoute(async ({ actor, req, locale, requestId }) =>
  xlsxResponse(await exportEnterprises(actor, queryObject(req), { locale, requestId }), "enterprises.xlsx"),
);
