import { apiRoute } from "@/lib/api/handler";
import { verifyEvidence } from "@/lib/server/evidence/verify-evidence";

/** Re-reads the stored bytes through Node.js. */
export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(({ actor, params, requestId }) => verifyEvidence(actor, params.id, { requestId }));
