import { apiRoute, queryObject } from "@/lib/api/handler";
import { listClues } from "@/lib/server/clues/list-clues";

export const GET = apiRoute(({ actor, req, locale }) => listClues(actor, queryObject(req), { locale }));
