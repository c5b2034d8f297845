import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { fileCase } from "@/lib/server/enforcement/file-case";
import { listCases } from "@/lib/server/enforcement/list-cases";

export const GET = apiRoute(({ actor, req, locale }) => listCases(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => fileCase(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
