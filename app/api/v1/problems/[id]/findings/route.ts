import { apiRoute, readJson } from "@/lib/api/handler";
import { listProblemFindings } from "@/lib/server/findings/list-problem-findings";
import { recordPerfunctoryFinding } from "@/lib/server/findings/record-perfunctory-finding";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listProblemFindings(actor, params.id));

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    recordPerfunctoryFinding(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
