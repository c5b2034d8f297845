import { apiRoute, readJson } from "@/lib/api/handler";
import { getSweep } from "@/lib/server/sweeps/get-sweep";
import { updateSweep } from "@/lib/server/sweeps/update-sweep";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getSweep(actor, params.id));

/** Edit a sweep while no target is checked (else 409). */
export const PUT = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateSweep(actor, params.id, await readJson(req), { locale, requestId }),
);
