import { publicApiRoute, readJson } from "@/lib/api/handler";
import { clientIp } from "@/lib/auth/request-meta";
import { submitObjection } from "@/lib/server/closure/submit-objection";

export const POST = publicApiRoute<{ noticeId: string }>(
  async ({ req, params, locale, requestId }) =>
    submitObjection(params.noticeId, await readJson(req), { ip: clientIp(req.headers), locale, requestId }),
  { status: 201 },
);
