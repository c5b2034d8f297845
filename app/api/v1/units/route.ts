import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { listUnits } from "@/lib/server/reference/list-units";
import { createUnit, listAllUnits } from "@/lib/server/units/manage-units";

/** Active units; `?all=true` (administrators) lists deactivated ones too. */
export const GET = apiRoute(async ({ actor, req }) => ({
  items: queryObject(req).all === "true" ? await listAllUnits(actor) : await listUnits(actor),
}));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createUnit(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
