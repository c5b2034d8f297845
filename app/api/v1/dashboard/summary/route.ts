import { apiRoute } from "@/lib/api/handler";
import { getDashboardSummary } from "@/lib/server/dashboard/get-dashboard-summary";

export const GET = apiRoute(({ actor }) => getDashboardSummary(actor));
