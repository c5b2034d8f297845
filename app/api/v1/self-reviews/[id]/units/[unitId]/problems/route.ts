import { apiRoute, readJson } from "@/lib/api/handler";
import { raiseProblemFromAnswer } from "@/lib/server/self-reviews/raise-problem";

/** A finding becomes a SELF_CHECK ledger problem; answers the sheet with the answer linked to it. */
export const POST = apiRoute<{ id: string; unitId: string }>(
  async ({ actor, params, req, locale, requestId }) =>
    raiseProblemFromAnswer(actor, params.id, params.unitId, await readJson(req), { locale, requestId }),
  { status: 201 },
);
