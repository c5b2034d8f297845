import { apiRoute } from "@/lib/api/handler";
import { markAllRead } from "@/lib/server/notifications/mark-all-read";

export const POST = apiRoute(({ actor, requestId }) => markAllRead(actor, { requestId }));
