import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { importPublishedList } from "@/lib/server/published-lists/import-published-list";
import { listPublishedLists } from "@/lib/server/published-lists/list-published-lists";

export const GET = apiRoute(({ actor, req, locale }) => listPublishedLists(actor, queryObject(req), { locale }));

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => importPublishedList(actor, await readJson(req), { locale, requestId }),
  { status: 201 },
);
