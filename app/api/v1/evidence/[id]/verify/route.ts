import { apiRoute } from "@/lib/api/handler";
import { lastVerification, verifyEvidence } from "@/lib/server/evidence/verify-evidence";

/** Re-reads the stored bytes through Node.js. */
export const runtime = "nodejs";

/** The last recorded check; reads only. */
export const GET = apiRoute<{ id: string }>(({ actor, params }) => lastVerification(actor, params.id));

/** Runs a check now (reviewers and leaders, rate-limited) and records it. */
export const POST = apiRoute<{ id: string }>(({ actor, params, requestId }) => verifyEvidence(actor, params.id, { requestId }));
