import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { importReadings, readReadingsUpload } from "@/lib/server/taihu/import-readings";

/** multipart `file` (CSV UTF-8 or XLSX). Any bad row → 422 with every row's messages, nothing written. */
export const POST = apiRoute(async ({ actor, req, locale, requestId }) => {
  const result = await importReadings(actor, await readReadingsUpload(req, actor), { locale, requestId });
  if (!result.errors.length) return result;
  const message =
    locale === "en"
      ? `${result.errors.length} rows have problems; nothing was imported`
      : `文件中有 ${result.errors.length} 行有问题，未导入任何数据`;
  return NextResponse.json({ ...result, error: { code: "VALIDATION_FAILED", message } }, { status: 422 });
});
