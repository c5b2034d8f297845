import { apiRoute, readJson } from "@/lib/api/handler";
import { createSweep } from "@/lib/server/sweeps/create-sweep";
import { listSweeps } from "@/lib/server/sweeps/list-sweeps";

export const GET = apiRoute(({ actor }) => listSweeps(actor));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createSweep(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
