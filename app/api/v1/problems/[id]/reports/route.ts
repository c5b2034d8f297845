import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { createProgressReport } from "@/lib/server/reports/create-progress-report";
import { listProgressReports } from "@/lib/server/reports/list-progress-reports";

export const GET = apiRoute<{ id: string }>(({ actor, req, params, locale }) =>
  listProgressReports(actor, params.id, queryObject(req), { locale }),
);

export const POST = apiRoute<{ id: string }>(
  async ({ actor, req, params, locale, requestId }) =>
    createProgressReport(actor, params.id, await readJson(req), { locale, requestId }),
  { status: 201 },
);
