import { apiRoute, readJson } from "@/lib/api/handler";
import { getPenaltyRules, updatePenaltyRules } from "@/lib/server/penalties/penalty-rules";

export const GET = apiRoute(({ actor }) => getPenaltyRules(actor));

export const PATCH = apiRoute(async ({ actor, req, locale, requestId }) =>
  updatePenaltyRules(actor, await readJson(req), { locale, requestId }),
);
