import { apiRoute, readJson } from "@/lib/api/handler";
import { getProblem } from "@/lib/server/problems/get-problem";
import { updateProblem } from "@/lib/server/problems/update-problem";

export const GET = apiRoute<{ id: string }>(({ actor, params, locale }) => getProblem(actor, params.id, { locale }));

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateProblem(actor, params.id, await readJson(req), { locale, requestId }),
);
