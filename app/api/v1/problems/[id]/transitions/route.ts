import { apiRoute, readJson } from "@/lib/api/handler";
import { listTransitions } from "@/lib/server/workflow/list-transitions";
import { transitionProblem } from "@/lib/server/workflow/transition-problem";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: await listTransitions(actor, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  transitionProblem(actor, params.id, await readJson(req), { locale, requestId }),
);
