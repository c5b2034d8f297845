import { apiRoute, readJson } from "@/lib/api/handler";
import { transitionCase } from "@/lib/server/enforcement/transition-case";

/** `{to, on, version}`: the case's next step (FILED → NOTIFIED → DECIDED → EXECUTED → CLOSED). */
export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  transitionCase(actor, params.id, await readJson(req), { locale, requestId }),
);
