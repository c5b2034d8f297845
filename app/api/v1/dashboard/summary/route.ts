import { apiRoute, queryObject } from "@/lib/api/handler";
import { dashboardSummaryQuerySchema } from "@/lib/schemas/dashboard-query";
import { parseInput } from "@/lib/schemas/parse";
import { getDashboardSummary } from "@/lib/server/dashboard/get-dashboard-summary";

export const GET = apiRoute(({ actor, req, locale }) => {
  parseInput(dashboardSummaryQuerySchema, queryObject(req), locale);
  return getDashboardSummary(actor);
});
