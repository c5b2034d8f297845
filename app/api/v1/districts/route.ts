import { apiRoute, readJson } from "@/lib/api/handler";
import { listDistricts } from "@/lib/server/reference/list-districts";
import { createDistrict } from "@/lib/server/units/manage-units";

export const GET = apiRoute(async ({ actor }) => ({ items: await listDistricts(actor) }));

/** Administrators add a functional zone (e.g. a development zone) that the national division list lacks. */
export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createDistrict(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
