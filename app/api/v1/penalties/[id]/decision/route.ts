import { apiRoute, readJson } from "@/lib/api/handler";
import { decidePenalty } from "@/lib/server/penalties/decide-penalty";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  decidePenalty(actor, params.id, await readJson(req), { locale, requestId }),
);
