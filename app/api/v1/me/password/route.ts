import { apiRoute, readJson } from "@/lib/api/handler";
import { changeMyPassword } from "@/lib/server/account/change-my-password";

export const POST = apiRoute(
  async ({ actor, req, locale, requestId }) => changeMyPassword(actor, await readJson(req), { locale, requestId }),
  { duringPasswordChange: true },
);
