import { apiRoute } from "@/lib/api/handler";
import { xlsxResponse } from "@/lib/api/upload";
import { sectionResultsTemplate, sectionResultsTemplateXlsx } from "@/lib/server/sections/results-template";

/** The results file template: CSV UTF-8 with BOM pre-filled with the registered sections; `?format=xlsx` adds the valid codes. */
export const GET = apiRoute(async ({ actor, req }) =>
  req.nextUrl.searchParams.get("format") === "xlsx"
    ? xlsxResponse(await sectionResultsTemplateXlsx(actor), "section-results-template.xlsx")
    : sectionResultsTemplate(actor),
);
