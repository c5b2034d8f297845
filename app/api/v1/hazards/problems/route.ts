import { apiRoute, readJson } from "@/lib/api/handler";
import { hazardsToProblems } from "@/lib/server/hazards/hazards-to-problems";

/** Hazards → ledger problems, one or many, all in one transaction. */
export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => hazardsToProblems(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
