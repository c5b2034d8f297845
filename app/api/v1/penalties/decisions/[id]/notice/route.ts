import { apiRoute } from "@/lib/api/handler";
import { feeNotice, feeNoticeResponse } from "@/lib/server/penalties/fee-notice";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => feeNoticeResponse(await feeNotice(actor, params.id)));
