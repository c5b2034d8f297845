import { apiRoute, readJson } from "@/lib/api/handler";
import { decidePlan } from "@/lib/server/plans/decide-plan";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  decidePlan(actor, params.id, await readJson(req), { locale, requestId }),
);
