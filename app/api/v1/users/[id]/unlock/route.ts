import { apiRoute } from "@/lib/api/handler";
import { unlockUser } from "@/lib/server/users/unlock-user";

export const POST = apiRoute<{ id: string }>(({ actor, params, requestId }) => unlockUser(actor, params.id, { requestId }));
