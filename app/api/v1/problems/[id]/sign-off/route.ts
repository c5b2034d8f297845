import { apiRoute, readJson } from "@/lib/api/handler";
import { signOffProblem } from "@/lib/server/closure/sign-off-problem";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  signOffProblem(actor, params.id, await readJson(req), { locale, requestId }),
);
