import { apiRoute, queryObject } from "@/lib/api/handler";
import { docxResponse } from "@/lib/server/office/official-document";
import { buildBriefing } from "@/lib/server/reports/build-briefing";

/** The monthly dispatch briefing (调度简报) of `?month=YYYY-MM` as a .docx in official-document layout. */
export const GET = apiRoute(async ({ actor, req, locale, requestId }) => {
  const { bytes, data } = await buildBriefing(actor, queryObject(req), { locale, requestId });
  return docxResponse(bytes, `调度简报-${data.month}`, `briefing-${data.month}`);
});
