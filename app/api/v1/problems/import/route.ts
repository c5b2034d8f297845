import { apiRoute } from "@/lib/api/handler";
import { handleLedgerImport } from "@/lib/server/problems/import-request";

/** multipart `file` (+ optional `mapping`) → {created, updated, unchanged, errors…}; `?dryRun=1` previews; any bad row → 422, nothing written. */
export const POST = apiRoute(({ actor, req, locale, requestId }) => handleLedgerImport(actor, req, { locale, requestId }));
