import { apiRoute } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { indicatorTemplate } from "@/lib/server/indicators/import-template";

/** The indicator import template (XLSX): the columns the import reads, an example row and the valid codes. */
export const GET = apiRoute(async ({ actor }) => xlsxResponse(await indicatorTemplate(actor), "indicator-import-template.xlsx"));
