import { apiRoute, readJson } from "@/lib/api/handler";
import { listRounds } from "@/lib/server/self-reviews/get-round";
import { openRound } from "@/lib/server/self-reviews/open-round";

export const GET = apiRoute(({ actor }) => listRounds(actor));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => openRound(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
