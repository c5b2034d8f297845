import { apiRoute } from "@/lib/api/handler";
import { sectionResultsTemplate } from "@/lib/server/sections/results-template";

/** The results file template (CSV UTF-8 with BOM), pre-filled with the registered sections for last month. */
export const GET = apiRoute(async ({ actor }) => sectionResultsTemplate(actor));
