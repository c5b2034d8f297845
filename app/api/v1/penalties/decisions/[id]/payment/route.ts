import { apiRoute, readJson } from "@/lib/api/handler";
import { recordPenaltyPayment } from "@/lib/server/penalties/record-payment";

export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) =>
  recordPenaltyPayment(actor, params.id, await readJson(req), { locale, requestId }),
);
