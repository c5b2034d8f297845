import { apiRoute, readJson } from "@/lib/api/handler";
import { withdrawFinding } from "@/lib/server/findings/withdraw-finding";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  withdrawFinding(actor, params.id, await readJson(req), { locale, requestId }),
);
