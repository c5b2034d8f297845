import { apiRoute } from "@/lib/api/handler";
import { buildClosureForm } from "@/lib/server/closure/closure-documents";
import { docxResponse } from "@/lib/server/office/official-document";

/** The closure approval form (整改销号审批表) of a closed problem, as .docx. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params, requestId }) => {
  const { bytes, code } = await buildClosureForm(actor, params.id, { requestId });
  return docxResponse(bytes, `整改销号审批表-${code}`, `closure-form-${code.replace(/[^\w-]/g, "")}`);
});
