import { apiRoute, readJson } from "@/lib/api/handler";
import { createPoint } from "@/lib/server/taihu/create-point";
import { listPoints } from "@/lib/server/taihu/list-points";

export const GET = apiRoute(({ actor }) => listPoints(actor));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createPoint(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
