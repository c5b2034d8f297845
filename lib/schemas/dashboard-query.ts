import { z } from "zod";

/** GET /dashboard/summary takes no parameters: any one sent is refused (422), never silently ignored. */
export const dashboardSummaryQuerySchema = z.strictObject({}).meta({ id: "DashboardSummaryQuery" });
