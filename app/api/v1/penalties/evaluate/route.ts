import { apiRoute, readJson } from "@/lib/api/handler";
import { evaluatePenaltiesAsActor } from "@/lib/server/penalties/evaluate-penalties";

export const POST = apiRoute(async ({ actor, req, locale, requestId }) =>
  evaluatePenaltiesAsActor(actor, await readJson(req), { locale, requestId }),
);
