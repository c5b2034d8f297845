import { apiRoute, queryObject } from "@/lib/api/handler";
import { tableResponse } from "@/lib/server/office/table-export";
import { exportProblems } from "@/lib/server/problems/export-problems";

/** The ledger with the list's filters, streamed as XLSX (default) or CSV (UTF-8 with BOM). */
export const GET = apiRoute(async ({ actor, req, locale, requestId }) => {
  const { spec } = await exportProblems(actor, queryObject(req), { locale, requestId });
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return tableResponse(spec, `整改台账-${day}`, `ledger-${day}`);
});
