import { apiRoute } from "@/lib/api/handler";
import { projectStatistics } from "@/lib/server/projects/project-statistics";

/** Which source-control item fails most, overall and by district. */
export const GET = apiRoute(({ actor }) => projectStatistics(actor));
