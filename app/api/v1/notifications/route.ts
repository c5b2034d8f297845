import { apiRoute, queryObject } from "@/lib/api/handler";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

export const GET = apiRoute(({ actor, req, locale }) => listNotifications(actor, queryObject(req), { locale }));
