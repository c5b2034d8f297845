import { apiRoute } from "@/lib/api/handler";
import { markNotificationRead } from "@/lib/server/notifications/mark-notification-read";

export const POST = apiRoute<{ id: string }>(({ actor, params, requestId }) =>
  markNotificationRead(actor, params.id, { requestId }),
);
