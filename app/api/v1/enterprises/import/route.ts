import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { importEnterprises, readEnterpriseUpload } from "@/lib/server/enforcement/import-enterprises";

/** multipart `file` (XLSX or CSV UTF-8) → `{imported, updated, unchanged, errors}`; any bad row → 422, nothing written. */
export const POST = apiRoute(async ({ actor, req, requestId }) => {
  const result = await importEnterprises(actor, await readEnterpriseUpload(req, actor), { requestId });
  if (!result.errors.length) return result;
  const message = `文件中有 ${result.errors.length} 处问题，未导入任何企业`;
  return NextResponse.json({ ...result, error: { code: "VALIDATION_FAILED", message } }, { status: 422 });
});
