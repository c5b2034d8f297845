import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { importSectionResults } from "@/lib/server/sections/import-section-results";
import { readUploadedFile } from "@/lib/server/sections/read-upload";

/** multipart `file` (CSV UTF-8 or XLSX); `?commit=true` writes, otherwise a preview. Any bad row → 422, nothing written. */
export const POST = apiRoute(async ({ actor, req, requestId }) => {
  const file = await readUploadedFile(req, actor);
  const commit = req.nextUrl.searchParams.get("commit") === "true";
  const result = await importSectionResults(actor, file, { commit, requestId });
  if (!result.errors.length) return result;
  const message = `文件中有 ${result.errors.length} 处问题，未导入任何数据`;
  return NextResponse.json({ ...result, error: { code: "VALIDATION_FAILED", message } }, { status: 422 });
});
