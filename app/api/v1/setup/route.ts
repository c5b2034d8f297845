import { publicApiRoute, readJson } from "@/lib/api/handler";
import { clientIp } from "@/lib/auth/request-meta";
import { getDb } from "@/lib/db";
import { completeSetup } from "@/lib/server/setup/first-run";

/** First run: the one-time setup token creates the first administrator; 409 once anyone exists. */
export const POST = publicApiRoute(
  async ({ req, locale }) => completeSetup(getDb(), await readJson(req), { locale, ip: clientIp(req.headers) }),
  { status: 201 },
);
