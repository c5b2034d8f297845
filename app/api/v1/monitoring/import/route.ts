import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/permissions";
import { importMonitoring } from "@/lib/server/monitoring/import-monitoring";
import { openMonitoringUpload } from "@/lib/server/monitoring/read-monitoring-upload";

/** multipart `file` (CSV streamed, or XLSX) → {imported, duplicates, rejected, clues, …}; bad rows are listed and skipped. */
export const POST = apiRoute(async ({ actor, req, requestId }) => {
  authorize(actor, "monitoring.import"); // before a byte of the body is read
  const result = await importMonitoring(actor, await openMonitoringUpload(req), { requestId });
  const refused = result.rejected > 0 && result.imported + result.duplicates === 0;
  if (!refused) return result;
  const error = { code: "VALIDATION_FAILED", message: `${result.rejected} row(s) refused; nothing imported` };
  return NextResponse.json({ ...result, error }, { status: 422 });
});
