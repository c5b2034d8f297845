import { apiRoute, readJson } from "@/lib/api/handler";
import { listPlans } from "@/lib/server/plans/list-plans";
import { submitPlan } from "@/lib/server/plans/submit-plan";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: await listPlans(actor, params.id) }));

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) => submitPlan(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
