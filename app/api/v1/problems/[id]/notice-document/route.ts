import { apiRoute } from "@/lib/api/handler";
import { buildNoticeDocument } from "@/lib/server/closure/closure-documents";
import { docxResponse } from "@/lib/server/office/official-document";

/** The text of the problem's latest public notice (公示), as .docx to post or send. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, requestId }) => {
  const { bytes, code } = await buildNoticeDocument(actor, params.id, { requestId });
  return docxResponse(bytes, `整改公示-${code}`, `public-notice-${code.replace(/[^\w-]/g, "")}`);
});
