import { apiRoute } from "@/lib/api/handler";
import { endMySession } from "@/lib/server/account/my-sessions";

export const DELETE = apiRoute<{ id: string }>(({ actor, params, locale, requestId }) =>
  endMySession(actor, params.id, { locale, requestId }),
);
