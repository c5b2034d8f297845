import { apiRoute } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { readingsTemplate } from "@/lib/server/taihu/readings-template";

/** The readings import template (XLSX) with the caller's points. */
export const GET = apiRoute(async ({ actor }) => xlsxResponse(await readingsTemplate(actor), "taihu-readings-template.xlsx"));
