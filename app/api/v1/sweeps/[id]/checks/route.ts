import { apiRoute, readJson } from "@/lib/api/handler";
import { getSweep } from "@/lib/server/sweeps/get-sweep";
import { recordCheck } from "@/lib/server/sweeps/record-check";

/** The sweep's targets in scope with their checks. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: (await getSweep(actor, params.id)).targets }));

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) => recordCheck(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
