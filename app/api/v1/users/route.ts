import { apiRoute, queryObject } from "@/lib/api/handler";
import { listUsers } from "@/lib/server/users/list-users";

export const GET = apiRoute(async ({ actor, req, locale }) => ({ items: await listUsers(actor, queryObject(req), { locale }) }));
