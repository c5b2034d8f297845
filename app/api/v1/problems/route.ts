import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { createProblem } from "@/lib/server/problems/create-problem";
import { listProblems } from "@/lib/server/problems/list-problems";

export const GET = apiRoute(({ actor, req, locale }) => listProblems(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => createProblem(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
