import { apiRoute, readJson } from "@/lib/api/handler";
import { reopenProblem } from "@/lib/server/closure/reopen-problem";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  reopenProblem(actor, params.id, await readJson(req), { locale, requestId }),
);
