import { apiRoute, readJson } from "@/lib/api/handler";
import { dismissObjections } from "@/lib/server/closure/dismiss-objections";

/** {objectionIds, note, version} → the closure after dismissing those pending objections (coordinator). */
export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  dismissObjections(actor, params.id, await readJson(req), { locale, requestId }),
);
