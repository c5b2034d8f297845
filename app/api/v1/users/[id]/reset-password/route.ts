import { apiRoute } from "@/lib/api/handler";
import { resetPassword } from "@/lib/server/users/reset-password";

export const POST = apiRoute<{ id: string }>(({ actor, params, requestId }) => resetPassword(actor, params.id, { requestId }));
