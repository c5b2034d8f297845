import { apiRoute, readJson } from "@/lib/api/handler";
import { openCaseProblem } from "@/lib/server/enforcement/open-case-problem";

/** 立为台账问题: registers a ledger problem (source ENFORCEMENT) from the case and links the two. */
export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    openCaseProblem(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
