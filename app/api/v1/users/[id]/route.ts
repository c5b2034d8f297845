import { apiRoute, readJson } from "@/lib/api/handler";
import { updateUser } from "@/lib/server/users/update-user";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  updateUser(actor, params.id, await readJson(req), { locale, requestId }),
);
