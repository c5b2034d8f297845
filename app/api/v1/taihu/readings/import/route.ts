import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { importReadings, readReadingsUpload } from "@/lib/server/taihu/import-readings";

/** multipart `file` (CSV UTF-8 or XLSX); `?preview=true` only checks. Any bad row → 422 with every row's reason, nothing written. */
export const POST = apiRoute(async ({ actor, req, locale, requestId }) => {
  const preview = req.nextUrl.searchParams.get("preview") === "true";
  const result = await importReadings(actor, await readReadingsUpload(req, actor), { locale, requestId, preview });
  if (!result.errors.length) return result;
  const rows = new Set(result.errors.map((e) => e.row)).size;
  const message =
    locale === "en" ? `${rows} rows have problems; nothing was imported` : `文件中有 ${rows} 行有问题，未导入任何数据`;
  return NextResponse.json({ ...result, error: { code: "VALIDATION_FAILED", message } }, { status: 422 });
});
