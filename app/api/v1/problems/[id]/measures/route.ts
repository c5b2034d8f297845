import { apiRoute, readJson } from "@/lib/api/handler";
import { addMeasure } from "@/lib/server/measures/add-measure";
import { listMeasures } from "@/lib/server/measures/list-measures";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => listMeasures(actor, params.id));

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) => addMeasure(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
